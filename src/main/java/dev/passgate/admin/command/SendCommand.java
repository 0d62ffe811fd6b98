package dev.passgate.admin.command;

import dev.passgate.passticket.RacfName;
import dev.passgate.security.racf.CommandResult;
import dev.passgate.session.Session;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SEND 'text' [USER=]: a message event to every session, or a user's; the sessions stay. */
final class SendCommand implements OperatorCommand {

    /** The text is quoted as in z/OS, a quote inside it doubled. */
    private static final Pattern GRAMMAR = Pattern.compile("'((?:[^']|'')*)'(?:\\s+USER=(\\S+))?",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String verb() {
        return "SEND";
    }

    @Override
    public Pattern grammar() {
        return GRAMMAR;
    }

    @Override
    public String syntax() {
        return "'text' [USER=userid]";
    }

    @Override
    public CommandResult execute(Matcher operands, String actor, OperatorServices s) {
        String text = operands.group(1).replace("''", "'");
        List<Session> targets;
        if (operands.group(2) == null) {
            targets = List.copyOf(s.sessions().all());
        } else {
            try {
                targets = s.sessions().ofUser(RacfName.normalize(operands.group(2), "user ID"));
            } catch (IllegalArgumentException e) {
                return OperatorCommand.refused(e.getMessage());
            }
        }
        String event = s.lines().event("message", Map.of("text", text));
        for (Session session : targets) {
            // Behind the replies the session still owes, never between a reply's bytes or after its end.
            s.sessions().send(session, event);
        }
        return OperatorCommand.done(List.of("message sent to " + targets.size() + " session"
                + (targets.size() == 1 ? "" : "s")));
    }
}
