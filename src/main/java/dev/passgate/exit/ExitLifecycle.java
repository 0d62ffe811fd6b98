package dev.passgate.exit;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Runs the init exit as soon as the routes run (exit routes are routes) and the termination exit
 * just before they stop. Sessions are recovered after it (at context started) and logged out
 * before it (at context stopping), so a logout exit never runs outside init and termination.
 */
final class ExitLifecycle extends EventNotifierSupport {

    private final LoginExits exits;

    ExitLifecycle(LoginExits exits) {
        this.exits = exits;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event.getType() == CamelEvent.Type.RoutesStarted) {
            exits.init();
        } else if (event.getType() == CamelEvent.Type.RoutesStopping) {
            exits.termination();
        }
    }
}
