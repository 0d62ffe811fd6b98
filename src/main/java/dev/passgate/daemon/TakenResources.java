package dev.passgate.daemon;

import org.apache.camel.Exchange;

/**
 * Gives back what a logon that did not reach its reply had taken: its port and its pool place.
 * Called by the error step before it answers (so a client that retries finds the place free) and
 * when the exchange is done, whatever ended it; both read only the logon's own keys.
 */
final class TakenResources {

    private TakenResources() {
    }

    static void giveBack(Exchange exchange) {
        if (LogonKeys.HANDED_OVER.find(exchange).orElse(false)) {
            return;
        }
        LogonKeys.HANDOFF.find(exchange).ifPresent(h -> h.listener().close());
        LogonKeys.LEASE.find(exchange).ifPresent(lease -> lease.close());
    }
}
