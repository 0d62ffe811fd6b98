package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import dev.passgate.server.ClientAddress;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Step 1: read the line (a {@link RequestLine}) as a {@code logon} request, note where it came
 * from ({@link ClientAddress}) and which kind of logon it is, for the route to branch on.
 */
public class ParseLogonProcessor implements Step {

    private final JsonLines lines;

    public ParseLogonProcessor(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public StepContract contract() {
        return StepContract.writes(LogonKeys.REQUEST, LogonKeys.KIND);
    }

    @Override
    public void process(Exchange exchange) {
        // Whatever happens later, a logon that does not reach its reply gives back what it took.
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                TakenResources.giveBack(done);
            }
        });
        String address = address(exchange.getProperty(ClientAddress.PROPERTY, ClientAddress.class));
        Request request = lines.parse(RequestLine.text(exchange.getMessage().getBody()));
        if (!request.op().equals("logon")) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "the daemon port takes only op logon, not " + request.op());
        }
        LogonKeys.REQUEST.set(exchange, new LogonRequest(request, address));
        LogonKeys.KIND.set(exchange, LogonKind.of(request));
    }

    /** A logon sent into the route by hand (a test, an integrator) has no accepted connection behind it. */
    static String address(ClientAddress remote) {
        return remote != null ? remote.host() : "unknown";
    }
}
