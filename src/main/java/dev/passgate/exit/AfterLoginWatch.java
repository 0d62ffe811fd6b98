package dev.passgate.exit;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.spi.SynchronizationRouteAware;

/**
 * Watches one logon exchange for its outcome and reports it once to the exits (the after-login
 * event). It fires when the daemon route is done, after its error handler has made the error
 * reply and before the reply goes out, so that a successful logon is known to the exits before
 * the client can connect; the completion callbacks are a fallback for an exchange that never
 * finishes its route.
 */
final class AfterLoginWatch implements Synchronization, SynchronizationRouteAware {

    private static final String PROPERTY = "PassGateAfterLoginWatch";

    private final LoginExits exits;
    private final String user;
    private final String address;
    private final AtomicBoolean reported = new AtomicBoolean();

    private AfterLoginWatch(LoginExits exits, String user, String address) {
        this.exits = exits;
        this.user = user;
        this.address = address;
    }

    /** Starts watching the logon; false when it was already watched (a second exit step of the same logon). */
    static boolean watch(Exchange logon, LoginExits exits, String user, String address) {
        if (logon.getProperty(PROPERTY) != null) {
            return false;
        }
        AfterLoginWatch w = new AfterLoginWatch(exits, user, address);
        logon.setProperty(PROPERTY, w);
        logon.getExchangeExtension().addOnCompletion(w);
        return true;
    }

    /** Reports the logon's outcome now, for a logon that is not a route's exchange (the job monitor's). */
    static void end(Exchange logon, ErrorCode failure) {
        AfterLoginWatch w = logon.getProperty(PROPERTY, AfterLoginWatch.class);
        if (w != null && w.reported.compareAndSet(false, true)) {
            w.exits.logonEnded(w.user, w.address, failure);
        }
    }

    @Override
    public void onBeforeRoute(Route route, Exchange exchange) {
    }

    @Override
    public void onAfterRoute(Route route, Exchange exchange) {
        report(exchange);
    }

    @Override
    public void onComplete(Exchange exchange) {
        report(exchange);
    }

    @Override
    public void onFailure(Exchange exchange) {
        report(exchange);
    }

    @Override
    public SynchronizationRouteAware getRouteSynchronization() {
        return this;
    }

    private void report(Exchange exchange) {
        if (reported.compareAndSet(false, true)) {
            exits.logonEnded(user, address, failureOf(exchange));
        }
    }

    /** The error code the client is answered with (ClientErrorProcessor's rule), or null for success. */
    static ErrorCode failureOf(Exchange exchange) {
        Exception e = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (e == null) {
            return null;
        }
        return e instanceof ProtocolException p ? p.code() : ErrorCode.SERVER_ERROR;
    }
}
