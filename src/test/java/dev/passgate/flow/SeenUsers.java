package dev.passgate.flow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** An integrator's step for the tests, defined in a YAML beans section: it notes the user each logon claims. */
public class SeenUsers implements Processor {

    public final List<String> users = new CopyOnWriteArrayList<>();

    @Override
    public void process(Exchange exchange) {
        users.add(String.valueOf(exchange.getProperty("PassGateExitSubject", dev.passgate.exit.ExitSubject.class).user()));
    }
}
