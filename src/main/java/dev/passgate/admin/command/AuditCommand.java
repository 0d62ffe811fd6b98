package dev.passgate.admin.command;

import dev.passgate.passticket.RacfName;
import dev.passgate.security.AuditEvent;
import dev.passgate.security.AuditLog;
import dev.passgate.security.racf.CommandResult;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AUDIT [USER=] [EVENT=] [LIMIT=]: the newest audit records, what {@code passgate audit} shows
 * while the daemon alone has the store open.
 */
final class AuditCommand implements OperatorCommand {

    private static final Pattern GRAMMAR = Pattern.compile(
            "(?:(?:USER|EVENT|LIMIT)=\\S+(?:\\s+(?:USER|EVENT|LIMIT)=\\S+)*)?", Pattern.CASE_INSENSITIVE);

    @Override
    public String verb() {
        return "AUDIT";
    }

    @Override
    public Pattern grammar() {
        return GRAMMAR;
    }

    @Override
    public String syntax() {
        return "[USER=userid] [EVENT=name] [LIMIT=1-10000]";
    }

    @Override
    public CommandResult execute(Matcher operands, String actor, OperatorServices s) {
        Map<String, String> given = new HashMap<>();
        for (String op : operands.group().split("\\s+")) {
            int eq = op.indexOf('=');
            if (eq > 0) {
                given.put(op.substring(0, eq).toUpperCase(Locale.ROOT), op.substring(eq + 1));
            }
        }
        int limit;
        try {
            limit = Integer.parseInt(given.getOrDefault("LIMIT", "50"));
        } catch (NumberFormatException e) {
            return new CommandResult(12, List.of("LIMIT is a number of records"));
        }
        if (limit < 1 || limit > 10_000) {
            return OperatorCommand.refused("LIMIT is 1 to 10000");
        }
        String user = null;
        if (given.containsKey("USER")) {
            try {
                user = RacfName.normalize(given.get("USER"), "user ID");
            } catch (IllegalArgumentException e) {
                return OperatorCommand.refused(e.getMessage());
            }
        }
        AuditEvent event = null;
        if (given.containsKey("EVENT")) {
            event = AuditEvent.find(given.get("EVENT")).orElse(null);
            if (event == null) {
                return OperatorCommand.refused("EVENT is one of " + AuditEvent.names());
            }
        }
        return OperatorCommand.done(s.audit().query(user, event, limit).stream().map(AuditLog.Entry::line).toList());
    }
}
