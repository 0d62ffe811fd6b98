package dev.passgate.exit;

import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The default exit routes' one step: hand the event to the Java exit named in
 * {@code passgate.exit.class}, or let it pass when there is none.
 */
public class JavaExitProcessor implements Processor {

    private final Optional<LoginExit> exit;

    public JavaExitProcessor(Optional<LoginExit> exit) {
        this.exit = exit;
    }

    /** The instance of passgate.exit.class this context calls, if one is named. */
    public Optional<LoginExit> exit() {
        return exit;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ExitEvent e = exchange.getProperty(ExitKeys.EVENT, ExitEvent.class);
        if (exit.isEmpty()) {
            exchange.getMessage().setHeader(ExitKeys.RESULT, ExitResult.CONTINUE.name());
            return;
        }
        LoginExit x = exit.get();
        ExitResult result = ExitResult.CONTINUE;
        switch (e.type()) {
            case "init" -> exchange.getMessage().setHeader(ExitKeys.GXB, x.init());
            case "new-session" -> result = x.newSession(e);
            case "login" -> result = x.login(e);
            case "logout" -> x.logout(e);
            case "file" -> result = x.file(e);
            case "termination" -> x.termination(e.gxb());
            default -> throw new IllegalArgumentException("unknown exit event " + e.type());
        }
        exchange.getMessage().setHeader(ExitKeys.RESULT, result.name());
    }
}
