package dev.passgate.admin.command;

import dev.passgate.admin.ClusterOperator;
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
        String event = s.lines().event("message", Map.of("text", text));
        int elsewhere;
        if (operands.group(2) == null) {
            targets = List.copyOf(s.sessions().all());
            elsewhere = ClusterCommands.tellOthers(s, r -> true, ClusterOperator.Command.SEND_ALL, event);
        } else {
            String user;
            try {
                user = RacfName.normalize(operands.group(2), "user ID");
            } catch (IllegalArgumentException e) {
                return OperatorCommand.refused(e.getMessage());
            }
            targets = s.sessions().ofUser(user);
            elsewhere = ClusterCommands.tellOthers(s, r -> r.user().equals(user), ClusterOperator.Command.SEND_USER,
                    user + "\n" + event);
        }
        // Behind the replies each session still owes, never between a reply's bytes or after its end.
        ClusterCommands.send(targets, event, s);
        int all = targets.size() + elsewhere;
        return OperatorCommand.done(List.of("message sent to " + all + " session" + (all == 1 ? "" : "s")
                + (elsewhere == 0 ? "" : " (" + elsewhere + " on other nodes)")));
    }
}
