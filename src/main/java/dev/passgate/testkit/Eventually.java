package dev.passgate.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for what other threads bring about (a logout, a timer, an exit), with a deadline. */
public final class Eventually {

    private Eventually() {
    }

    public static void waitFor(BooleanSupplier condition) throws InterruptedException {
        waitFor(Duration.ofSeconds(5), condition);
    }

    public static void waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }
}
