package dev.passgate.admin.command;

import dev.passgate.admin.ClusterOperator;
import dev.passgate.jobs.JobOperator;
import dev.passgate.passticket.RacfName;
import dev.passgate.security.racf.CommandResult;
import dev.passgate.session.Session;
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
        int elsewhere;
        String none;
        if (operands.group(1).equalsIgnoreCase("ID")) {
            targets = s.sessions().find(value).map(List::of).orElse(List.of());
            elsewhere = targets.isEmpty() ? ClusterCommands.tellOthers(s, r -> r.id().equals(value),
                    ClusterOperator.Command.CANCEL_SESSION, value) : 0;
            none = "no session " + value;
        } else {
            String user;
            try {
                user = RacfName.normalize(value, "user ID");
            } catch (IllegalArgumentException e) {
                return OperatorCommand.refused(e.getMessage());
            }
            targets = s.sessions().ofUser(user);
            elsewhere = ClusterCommands.tellOthers(s, r -> r.user().equals(user), ClusterOperator.Command.CANCEL_USER, user);
            none = "no session of user " + user;
        }
        if (targets.isEmpty() && elsewhere == 0) {
            return OperatorCommand.refused(none);
        }
        ClusterCommands.cancel(targets, s);
        int all = targets.size() + elsewhere;
        return OperatorCommand.done(List.of(all + " session" + (all == 1 ? "" : "s") + " cancelled"
                + (elsewhere == 0 ? "" : " (" + elsewhere + " on other nodes)")));
    }
}
