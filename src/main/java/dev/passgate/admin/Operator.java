package dev.passgate.admin;

import dev.passgate.security.racf.CommandResult;

/** The JMX face of {@link OperatorCommands}: reached by whoever may connect to the JVM's JMX. */
public final class Operator implements OperatorMBean {

    private final OperatorCommands commands;

    public Operator(OperatorCommands commands) {
        this.commands = commands;
    }

    @Override
    public String execute(String command) {
        CommandResult r = commands.execute(command, "JMX");
        return "RC=" + r.returnCode() + "\n" + String.join("\n", r.lines());
    }
}
