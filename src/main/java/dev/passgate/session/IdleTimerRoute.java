package dev.passgate.session;

import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzMessage;
import org.apache.camel.support.DefaultConsumer;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a session's idle-timer firing into the {@code session-timeout} route's Quartz consumer,
 * as camel-quartz's own job does for the route's trigger: the route gets the Quartz message
 * (headers {@code jobDetail}, {@code mergedJobDataMap}, ...). Unlike camel-quartz's job it does
 * not wait for the route, which soon moves to the session's own thread: a slow logout exit then
 * holds no Quartz thread, so other sessions' timers keep their precision.
 */
final class IdleTimerRoute implements Consumer<JobExecutionContext> {

    static final String ROUTE_ID = "session-timeout";
    private static final Logger LOG = LoggerFactory.getLogger(IdleTimerRoute.class);

    private final CamelContext context;

    IdleTimerRoute(CamelContext context) {
        this.context = context;
    }

    @Override
    public void accept(JobExecutionContext firing) {
        Route route = context.getRoute(ROUTE_ID);
        if (route == null || !(route.getConsumer() instanceof DefaultConsumer consumer) || !consumer.isStarted()) {
            // Starting or stopping: sessions are not timed out now (at stop all are logged out anyway).
            LOG.debug("Idle timer fired while route {} is not running", ROUTE_ID);
            return;
        }
        Exchange exchange = consumer.createExchange(false);
        exchange.setIn(new QuartzMessage(exchange, firing));
        consumer.getAsyncProcessor().process(exchange, doneSync -> consumer.releaseExchange(exchange, false));
    }
}
