package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.Request;
import dev.passgate.security.VerifyRequest;
import org.apache.camel.Exchange;

/** Step (PASSTICKET logons): a PassTicket for the daemon's own APPLID, for authenticate to evaluate. */
public class PassTicketCredentialsProcessor implements Step {

    private final String applid;

    public PassTicketCredentialsProcessor(String applid) {
        this.applid = applid;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.REQUEST).andWrites(LogonKeys.CREDENTIALS);
    }

    @Override
    public void process(Exchange exchange) {
        LogonRequest logon = LogonKeys.REQUEST.get(exchange);
        Request r = logon.request();
        LogonKeys.CREDENTIALS.set(exchange, VerifyRequest.passticket(r.requiredText("user"), r.requiredText("passticket"),
                applid).withOtp(r.text("otp").orElse(null)).from(logon.address()));
    }
}
