package dev.passgate.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The descriptor reserve and the quiet accept failures, on a clock and counts the test sets. */
class DescriptorReserveTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicLong open = new AtomicLong(100);
    private final AtomicLong samples = new AtomicLong();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void capture() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(DescriptorReserve.class)).addAppender(logs);
        ((Logger) LoggerFactory.getLogger(DaemonChannelGroup.AcceptFailures.class)).addAppender(logs);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger(DescriptorReserve.class)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger(DaemonChannelGroup.AcceptFailures.class)).detachAppender(logs);
    }

    private DescriptorReserve reserve(double percent) {
        return new DescriptorReserve(percent, () -> {
            samples.incrementAndGet();
            return open.get();
        }, () -> 1000, now::get, new LogThrottle(Duration.ofMinutes(1), now::get));
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void refusesPastTheReserveAndRecoversWhenDescriptorsAreFreed() {
        DescriptorReserve r = reserve(5);
        assertFalse(r.refuses());
        open.set(950);
        advance(Duration.ofMillis(100));
        assertTrue(r.refuses(), "950 of 1000 is past the 95% that may be used");
        open.set(949);
        advance(Duration.ofMillis(100));
        assertFalse(r.refuses(), "refusal ends by itself");
    }

    @Test
    void countsAtMostEveryHundredMilliseconds() {
        DescriptorReserve r = reserve(5);
        for (int i = 0; i < 1000; i++) {
            r.refuses();
        }
        assertEquals(1, samples.get());
        open.set(999);
        advance(Duration.ofMillis(99));
        assertFalse(r.refuses(), "the last count still holds");
        advance(Duration.ofMillis(1));
        assertTrue(r.refuses());
        assertEquals(2, samples.get());
    }

    @Test
    void saysSoOnceAMinuteWithoutAStackTrace() {
        DescriptorReserve r = reserve(5);
        open.set(990);
        for (int second = 0; second < 120; second++) {
            for (int i = 0; i < 50; i++) {
                assertTrue(r.refuses());
            }
            advance(Duration.ofSeconds(1));
        }
        assertEquals(2, logs.list.size(), "two minutes, two lines");
        assertTrue(logs.list.get(0).getFormattedMessage().contains("990 of 1000"), logs.list.get(0).getFormattedMessage());
        assertNull(logs.list.get(0).getThrowableProxy());
    }

    @Test
    void zeroReserveNeverCountsNorRefuses() {
        DescriptorReserve r = reserve(0);
        open.set(1000);
        assertFalse(r.refuses());
        assertEquals(0, samples.get());
    }

    @Test
    void acceptFailuresAreSaidOnceAMinuteAndGoNoFurther() {
        DaemonChannelGroup.AcceptFailures handler = new DaemonChannelGroup.AcceptFailures(
                new LogThrottle(Duration.ofMinutes(1), now::get));
        EmbeddedChannel listening = new EmbeddedChannel(handler);
        for (int second = 0; second < 90; second++) {
            listening.pipeline().fireExceptionCaught(new IOException("Too many open files"));
            advance(Duration.ofSeconds(1));
        }
        listening.checkException(); // throws if any reached the end of the pipeline, which logs stack traces
        assertEquals(2, logs.list.size());
        assertTrue(logs.list.get(0).getFormattedMessage().contains("Too many open files"));
        assertNull(logs.list.get(0).getThrowableProxy());
        listening.finishAndReleaseAll();
    }
}
