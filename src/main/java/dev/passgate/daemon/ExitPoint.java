package dev.passgate.daemon;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * A named place in the logon route where installation exits plug in (new user session,
 * login). Until an exit is configured it lets every logon pass; the login-exit module
 * binds its own processor under the same name.
 */
public class ExitPoint implements Processor {

    @Override
    public void process(Exchange exchange) {
        // No exit configured: the security registry alone decides.
    }
}
