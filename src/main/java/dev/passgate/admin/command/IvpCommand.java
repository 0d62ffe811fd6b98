package dev.passgate.admin.command;

import dev.passgate.jobs.JobOperator;
import dev.passgate.security.racf.CommandResult;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IVP PASSTICKET, DAEMON, PARTNER or JOBS: the installation verification programs, each its own report and rc. */
final class IvpCommand implements OperatorCommand {

    private static final Pattern GRAMMAR = Pattern.compile("(PASSTICKET|DAEMON|PARTNER|JOBS)", Pattern.CASE_INSENSITIVE);

    @Override
    public String verb() {
        return "IVP";
    }

    @Override
    public Pattern grammar() {
        return GRAMMAR;
    }

    @Override
    public String syntax() {
        return "PASSTICKET, DAEMON, PARTNER or JOBS";
    }

    @Override
    public CommandResult execute(Matcher operands, String actor, OperatorServices s) {
        return switch (operands.group(1).toUpperCase(Locale.ROOT)) {
            case "PASSTICKET" -> s.ivp().passTicket();
            case "DAEMON" -> s.ivp().daemon();
            case "JOBS" -> JobOperator.of(s.template().getCamelContext()).map(JobOperator::ivp)
                    .orElse(OperatorCommand.refused("the job monitor is not installed"));
            default -> s.partnerChecks().run();
        };
    }
}
