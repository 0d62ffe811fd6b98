package dev.passgate.daemon;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import dev.passgate.server.ClientAddress;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/** Step 1: read the line (a {@link RequestLine}) as a {@code logon} request; note where it came from ({@link ClientAddress}). */
public class ParseLogonProcessor implements Processor {

    private final JsonLines lines;

    public ParseLogonProcessor(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public void process(Exchange exchange) {
        LogonState state = new LogonState();
        state.address = address(exchange.getProperty(ClientAddress.PROPERTY, ClientAddress.class));
        exchange.setProperty(LogonState.PROPERTY, state);
        // Whatever happens later, a logon that does not reach its reply gives back what it took.
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                state.release();
            }
        });
        Request request = lines.parse(RequestLine.text(exchange.getMessage().getBody()));
        if (!request.op().equals("logon")) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "the daemon port takes only op logon, not " + request.op());
        }
        state.request = request;
    }

    /** A logon sent into the route by hand (a test, an integrator) has no accepted connection behind it. */
    static String address(ClientAddress remote) {
        return remote != null ? remote.host() : "unknown";
    }
}
