package dev.passgate.exit;

import java.util.Locale;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Runs one login exit event for the exchange's {@link ExitSubject} (exchange property
 * {@code PassGateExitSubject}), the way PassGate's own routes do: through the exit route of the
 * event ({@code direct:exit-<event>}, built-in or the integrator's), bounded by
 * {@code passgate.exit.timeout}, a fault audited, the user exit block kept.
 *
 * <p>The annotations are the component's documentation for tooling: the build turns them into
 * the component's JSON and its configurers.
 */
@UriEndpoint(firstVersion = "0.2.0", scheme = "exit", title = "Login exit", syntax = "exit:call", producerOnly = true,
        remote = false, category = Category.SECURITY)
public class ExitEndpoint extends DefaultEndpoint {

    /** The exit events a route step calls; the others follow the node's lifecycle or a miner's file access. */
    public enum Call {
        NEW_SESSION(ExitEventType.NEW_SESSION), LOGIN(ExitEventType.LOGIN), LOGOUT(ExitEventType.LOGOUT);

        private final ExitEventType event;

        Call(ExitEventType event) {
            this.event = event;
        }

        public ExitEventType event() {
            return event;
        }

        /** The URI's spelling: new-session, login, logout. */
        public String uriName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Call parse(String text) {
            for (Call c : values()) {
                if (c.uriName().equalsIgnoreCase(text)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("exit: the call must be new-session, login or logout, not '" + text + "'");
        }
    }

    @UriPath(enums = "new-session,login,logout", description = "new-session: the first logon of a user and address"
            + " that has nothing else in use (the exit may create the user exit block); login: every logon, before the"
            + " registry checks it; logout: a session ended (the exit cannot stop it; the user exit block goes with the"
            + " combination's last session).")
    @Metadata(required = true)
    private final Call call;

    @UriParam(defaultValue = "true", description = "new-session and login only. true: an exit that answers FAIL or"
            + " DISCONNECT (or throws, or hangs past passgate.exit.timeout) throws ExitRejectedException, which the"
            + " daemon answers with EXIT_REJECTED; false: the answer is left in exchange property PassGateExitAnswer"
            + " (CONTINUE, FAIL or DISCONNECT) and routing goes on.")
    private boolean failOnReject = true;

    ExitEndpoint(String uri, ExitComponent component, Call call) {
        super(uri, component);
        this.call = call;
    }

    @Override
    public ExitComponent getComponent() {
        return (ExitComponent) super.getComponent();
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public Producer createProducer() {
        return new ExitProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("exit: endpoints can only be sent to (to: exit:login); an exit route"
                + " consumes direct:exit-<event>");
    }

    public Call getCall() {
        return call;
    }

    public boolean isFailOnReject() {
        return failOnReject;
    }

    public void setFailOnReject(boolean failOnReject) {
        this.failOnReject = failOnReject;
    }
}
