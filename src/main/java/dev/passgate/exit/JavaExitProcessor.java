package dev.passgate.exit;

import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The built-in exit routes' one step: hand the event to the Java exit (the bean named in
 * {@code passgate.exit.bean}, else an instance of {@code passgate.exit.class}), or let it pass
 * when there is none. Which exit that is, is decided when the context initialises.
 */
public class JavaExitProcessor implements Processor {

    private volatile Optional<LoginExit> exit = Optional.empty();
    private volatile ExitContext context;

    void use(Optional<LoginExit> exit, ExitContext context) {
        this.exit = exit;
        this.context = context;
    }

    /** The Java exit this context calls, if there is one. */
    public Optional<LoginExit> exit() {
        return exit;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ExitEvent e = exchange.getProperty(ExitKeys.EVENT, ExitEvent.class);
        Optional<LoginExit> current = exit;
        if (current.isEmpty()) {
            exchange.getMessage().setHeader(ExitKeys.RESULT, ExitResult.CONTINUE.name());
            return;
        }
        LoginExit x = current.get();
        ExitResult result = switch (e.type()) {
            case INIT -> {
                exchange.getMessage().setHeader(ExitKeys.GXB, x.init(context));
                yield ExitResult.CONTINUE;
            }
            case NEW_SESSION -> x.newSession(e);
            case LOGIN -> x.login(e);
            case AFTER_LOGIN -> {
                x.afterLogin(e);
                yield ExitResult.CONTINUE;
            }
            case LOGOUT -> {
                x.logout(e);
                yield ExitResult.CONTINUE;
            }
            case FILE -> x.file(e);
            case TERMINATION -> {
                x.termination(e);
                yield ExitResult.CONTINUE;
            }
        };
        // The exit may have replaced its UXB; the header handed in holds the old one.
        exchange.getMessage().setHeader(ExitKeys.UXB, e.uxb().get());
        exchange.getMessage().setHeader(ExitKeys.RESULT, result.name());
    }
}
