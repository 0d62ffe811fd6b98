package dev.passgate.daemon;

import dev.passgate.exit.ExitKeys;
import dev.passgate.exit.ExitSubject;
import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.passticket.RacfName;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * Step (logons that are not trusted): the user the request names, as the login exits see it
 * ({@code PassGateExitSubject}) before the registry checks anything; none when the name is missing or not a valid user ID
 * (a certificate logon names its user only through the certificate).
 */
public class ClaimUserProcessor implements Step {

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.REQUEST).andWrites(LogonKeys.CLAIM, ExitKeys.SUBJECT);
    }

    @Override
    public void process(Exchange exchange) {
        String user = LogonKeys.REQUEST.get(exchange).request().text("user").filter(RacfName::isValid)
                .map(u -> u.toUpperCase(Locale.ROOT)).orElse(null);
        LogonKeys.CLAIM.set(exchange, new ClaimedUser(user, null));
        ExitKeys.SUBJECT.set(exchange, ExitSubject.logon(user, LogonKeys.REQUEST.get(exchange).address()));
    }
}
