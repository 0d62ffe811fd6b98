package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.Request;
import dev.passgate.security.VerifyRequest;
import org.apache.camel.Exchange;

/** Step (PASSWORD logons): the user's password, with the optional OTP and new password, for authenticate to verify. */
public class PasswordCredentialsProcessor implements Step {

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.REQUEST).andWrites(LogonKeys.CREDENTIALS);
    }

    @Override
    public void process(Exchange exchange) {
        LogonRequest logon = LogonKeys.REQUEST.get(exchange);
        Request r = logon.request();
        VerifyRequest v = VerifyRequest.password(r.requiredText("user"), r.requiredText("password").toCharArray())
                .withOtp(r.text("otp").orElse(null)).from(logon.address());
        LogonKeys.CREDENTIALS.set(exchange, r.text("newPassword").map(n -> v.withNewPassword(n.toCharArray())).orElse(v));
    }
}
