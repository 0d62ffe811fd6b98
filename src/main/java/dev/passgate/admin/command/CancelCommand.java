package dev.passgate.admin.command;

import dev.passgate.jobs.JobOperator;
import dev.passgate.passticket.RacfName;
import dev.passgate.security.racf.CommandResult;
import dev.passgate.session.Session;
import dev.passgate.session.SessionEndReason;
import dev.passgate.session.SessionHandler;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CANCEL ID= ends one session, CANCEL USER= all of a user's, CANCEL JOB= one job; C is z/OS's abbreviation. */
final class CancelCommand implements OperatorCommand {

    private static final Pattern GRAMMAR = Pattern.compile("(ID|USER|JOB)=(\\S+)", Pattern.CASE_INSENSITIVE);

    @Override
    public String verb() {
        return "CANCEL";
    }

    @Override
    public List<String> abbreviations() {
        return List.of("C");
    }

    @Override
    public Pattern grammar() {
        return GRAMMAR;
    }

    @Override
    public String syntax() {
        return "ID=session, USER=userid or JOB=jobid";
    }

    @Override
    public CommandResult execute(Matcher operands, String actor, OperatorServices s) {
        String value = operands.group(2);
        if (operands.group(1).equalsIgnoreCase("JOB")) {
            return JobOperator.of(s.template().getCamelContext()).map(j -> j.cancel(value, actor))
                    .orElse(OperatorCommand.refused("the job monitor is not installed"));
        }
        List<Session> targets;
        String none;
        if (operands.group(1).equalsIgnoreCase("ID")) {
            targets = s.sessions().find(value).map(List::of).orElse(List.of());
            none = "no session " + value;
        } else {
            String user;
            try {
                user = RacfName.normalize(value, "user ID");
            } catch (IllegalArgumentException e) {
                return OperatorCommand.refused(e.getMessage());
            }
            targets = s.sessions().ofUser(user);
            none = "no session of user " + user;
        }
        if (targets.isEmpty()) {
            return OperatorCommand.refused(none);
        }
        for (Session session : targets) {
            // In the session's own order: a request running now finishes (and is answered) first.
            session.executor().execute(() -> SessionHandler.logout(s.template(), session, SessionEndReason.CANCELLED));
        }
        return OperatorCommand.done(List.of(targets.size() + " session" + (targets.size() == 1 ? "" : "s")
                + " cancelled"));
    }
}
