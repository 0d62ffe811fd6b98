package dev.passgate.security.racf;

import dev.passgate.security.AuditEvent;
import dev.passgate.security.AuditLog;
import dev.passgate.security.PasswordHasher;
import dev.passgate.security.SecretBox;
import dev.passgate.store.Jdbc;
import java.time.Clock;
import java.util.List;

/**
 * Runs the RACF command subset against the registry. Each command is checked completely
 * and then applied in one transaction, so a refused command changes nothing. Every
 * command is audited with its secrets masked. What each verb accepts and does is its own
 * class (see {@link RacfVerbs}); this class only parses, dispatches, commits and audits.
 */
public final class RacfCommandProcessor {

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final Runnable onChange;
    private final RacfVerbs verbs;

    public RacfCommandProcessor(Jdbc jdbc, PasswordHasher hasher, SecretBox box, AuditLog audit, Clock clock,
            String systemName, Runnable onChange) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.onChange = onChange;
        this.verbs = RacfVerbs.standard(hasher, box, audit, clock, systemName);
    }

    /** Runs one command for an actor (who issued it, for the audit trail). Never throws for a bad command. */
    public CommandResult execute(String commandText, String actor) {
        try {
            return executeAudited(commandText, actor);
        } finally {
            audit.flushStore(); // the result acknowledges the command: it and its records are in the file first
        }
    }

    /** One line per verb: its name, aliases, operands and keywords, and what it does. */
    public List<String> help() {
        return verbs.all().stream().map(RacfVerb::help).toList();
    }

    private CommandResult executeAudited(String commandText, String actor) {
        List<Operand> operands;
        try {
            operands = RacfParser.parse(commandText);
        } catch (RacfCommandException e) {
            audit.record(AuditEvent.COMMAND, null, actor, "RC" + e.returnCode(), "unparseable command: " + e.getMessage());
            return new CommandResult(e.returnCode(), List.of(e.getMessage()));
        }
        String masked = RacfCommand.masked(operands);
        String name = operands.get(0).keyword();
        try {
            // The change and its audit record commit together: no command without its record, nor the reverse.
            List<String> out = jdbc.inTransaction(tx -> {
                RacfVerb verb = verbs.find(name);
                List<String> lines = verb.run(verb.syntax().check(operands), new RacfStores(tx));
                audit.recordIn(tx, AuditEvent.COMMAND, null, actor, "RC0", masked);
                return lines;
            });
            onChange.run(); // profiles and keys held in memory are read again
            return new CommandResult(0, out);
        } catch (RacfCommandException e) {
            audit.record(AuditEvent.COMMAND, null, actor, "RC" + e.returnCode(), masked + " -- " + e.getMessage());
            return new CommandResult(e.returnCode(), List.of(e.getMessage()));
        }
    }
}
