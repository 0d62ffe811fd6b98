package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.security.PassTicketEnvironments;
import dev.passgate.security.VerifyResult;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step: build the client server's security environment the way the RSE daemon does, from
 * a freshly generated PassTicket for the user at the daemon's APPLID, never from the
 * password the client sent.
 */
public class CreateClientServerProcessor implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(CreateClientServerProcessor.class);

    private final PassTicketSetupCheck setup;
    private final PassTicketEnvironments environments;

    public CreateClientServerProcessor(PassTicketSetupCheck setup, PassTicketEnvironments environments) {
        this.setup = setup;
        this.environments = environments;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.REQUEST, LogonKeys.USER).andWrites(LogonKeys.SESSION_ENVIRONMENT);
    }

    @Override
    public void process(Exchange exchange) {
        String applid = environments.applid();
        setup.problem().ifPresent(problem -> {
            LOG.error("PassTicket setup for APPLID {}: {}", applid, problem);
            throw new ProtocolException(ErrorCode.PASSTICKET_SETUP, "the server's PassTicket definitions for " + applid
                    + " are incomplete; the administrator has been told what to define");
        });
        LogonUser logon = LogonKeys.USER.get(exchange);
        String user = logon.user();
        String address = LogonKeys.REQUEST.get(exchange).address();
        // what the logon verified a moment ago is not read from the store again; an exit's own decision is
        VerifyResult result = logon.environment() != null ? environments.build(logon.environment(), address)
                : environments.build(user, address);
        if (!result.success()) {
            LOG.error("PassTicket environment for {} at {} failed: {} ({})", user, applid, result.outcome(), result.detail());
            throw new ProtocolException(result.outcome() == VerifyResult.Outcome.USER_REVOKED ? ErrorCode.USER_REVOKED
                    : ErrorCode.PASSTICKET_SETUP);
        }
        LogonKeys.SESSION_ENVIRONMENT.set(exchange, result.environment());
    }
}
