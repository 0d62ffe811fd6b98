package dev.passgate.admin;

import dev.passgate.admin.command.OperatorCommand;
import dev.passgate.admin.command.OperatorCommandFactory;
import dev.passgate.admin.command.OperatorServices;
import dev.passgate.partner.ConnectionRegistry;
import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.protocol.JsonLines;
import dev.passgate.security.AuditLog;
import dev.passgate.security.racf.CommandResult;
import dev.passgate.security.racf.RacfCommandProcessor;
import dev.passgate.session.SessionRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;

/**
 * The operator's commands, in the forms of z/OS MODIFY commands: the verbs of
 * {@link OperatorCommandFactory} (one class each); anything else is handed to the RACF command
 * subset. The same object serves the CLI (through the loopback HTTP API), the HTTP API itself
 * and JMX. Return codes as RACF's: 0 done, 8 refused, 12 not understood.
 */
public final class OperatorCommands {

    private static final OperatorCommandFactory COMMANDS = OperatorCommandFactory.STANDARD;
    /** How much of a not understood operand the reply repeats. */
    private static final int SHOWN = 40;

    private final RacfCommandProcessor racf;
    private final OperatorServices services;

    public OperatorCommands(SessionRegistry sessions, ThreadPoolSelector pools, RacfCommandProcessor racf,
            ProducerTemplate template, JsonLines lines, Clock clock, InstallationChecks ivp,
            ConnectionRegistry connections, PartnerChecks partnerChecks, AuditLog audit, ClusterOperator cluster) {
        this.racf = racf;
        this.services = new OperatorServices(sessions, pools, template, lines, clock, ivp, connections, partnerChecks,
                audit, cluster);
    }

    /** What the commands act on; the cluster's messages act on this node's sessions through it too. */
    public OperatorServices services() {
        return services;
    }

    /** Whether the text is an operator command (the rest are RACF commands). */
    public static boolean isOperatorCommand(String text) {
        return COMMANDS.command(verb(text.trim())).isPresent();
    }

    /**
     * The operator verb the text names, spelled out (C is CANCEL, D is DISPLAY), else its first
     * word upper-cased: the name to check {@code FACILITY PASSGATE.ADMIN.<verb>} under, so that an
     * abbreviation needs the same authority as its verb.
     */
    public static String verbOf(String text) {
        String word = verb(text.trim());
        return COMMANDS.command(word).map(OperatorCommand::verb).orElse(word.toUpperCase(Locale.ROOT));
    }

    /** Runs one command; never throws for a bad one. */
    public CommandResult execute(String text, String actor) {
        String t = text.trim();
        String verb = verb(t);
        Optional<OperatorCommand> command = COMMANDS.command(verb);
        if (command.isEmpty()) {
            return racf(t, actor);
        }
        OperatorCommand c = command.get();
        String operands = t.substring(verb.length()).trim();
        Matcher m = c.grammar().matcher(operands);
        if (!m.matches()) {
            return new CommandResult(12, List.of(c.verb() + " takes " + c.syntax()
                    + (operands.isEmpty() ? "" : ", not " + shown(operands))));
        }
        return c.execute(m, actor, services);
    }

    /** The first word, as z/OS separates it: by blanks or a comma. */
    private static String verb(String trimmed) {
        return trimmed.split("[\\s,]+", 2)[0];
    }

    /**
     * RACF's reply to a verb it does not know lists only its own verbs; the operator's are added,
     * so the reply names every command this interface takes.
     */
    private CommandResult racf(String text, String actor) {
        CommandResult r = racf.execute(text, actor);
        if (r.ok() || r.lines().isEmpty() || !r.lines().get(0).startsWith("unknown command ")) {
            return r;
        }
        List<String> out = new ArrayList<>(r.lines());
        out.add("operator commands: " + COMMANDS.commands().stream().map(OperatorCommand::help)
                .collect(Collectors.joining("; ")));
        return new CommandResult(r.returnCode(), out);
    }

    /** The operands as the reply repeats them: one line, not too long. */
    private static String shown(String operands) {
        String oneLine = operands.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + "...";
    }
}
