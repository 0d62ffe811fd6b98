package dev.passgate.session;

import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Moves the rest of the route onto the session's serial executor, behind the requests it has
 * queued, so that a session's end never runs beside one of its requests. The thread that got
 * here (Quartz's) is free at once.
 */
public class OnSessionThreadProcessor extends AsyncProcessorSupport implements Step {

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            SESSION_KEY.get(exchange).executor().execute(() -> callback.done(false));
            return false;
        } catch (RejectedExecutionException stopped) {
            callback.done(true); // the session's pool has stopped: nothing is queued that could come first
            return true;
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }
}
