package dev.passgate.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.passgate.store.ClusterMessages;
import dev.passgate.store.Jdbc;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A store that cannot be reached never changes a refused logon: the node's own limit holds, and one warning says so. */
class ClusterFailureLimitStoreDownTest {

    @Test
    void failuresStillCountHereAndTheStoreErrorIsLoggedOnce() {
        AtomicInteger tries = new AtomicInteger();
        DataSource down = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        tries.incrementAndGet();
                        throw new SQLException("Connection refused");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Logger logger = (Logger) LoggerFactory.getLogger(ClusterFailureLimit.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        FailureRateLimiter limiter = new FailureRateLimiter(3, Clock.systemUTC());
        try (ClusterFailureLimit cluster = new ClusterFailureLimit(new Jdbc(down),
                new ClusterMessages(down, "PGA", Duration.ofSeconds(1)), "PGA", 3, limiter)) {
            for (int i = 0; i < 3; i++) {
                limiter.admit("10.0.0.9").orElseThrow().failed();
            }
            assertTrue(limiter.admit("10.0.0.9").isEmpty(), "the node's own limit still applies");
        } finally {
            logger.detachAppender(logs);
        }
        assertEquals(3, tries.get(), "each failure was offered to the store");
        assertEquals(1, logs.list.size(), logs.list.toString());
        String warning = logs.list.get(0).getFormattedMessage();
        assertTrue(warning.contains("10.0.0.9") && warning.contains("this node's failures only"), warning);
        assertFalse(logs.list.get(0).getThrowableProxy() != null, "no stack trace");
    }
}
