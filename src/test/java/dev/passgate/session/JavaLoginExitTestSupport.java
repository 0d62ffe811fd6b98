package dev.passgate.session;

/** Polling for conditions that other threads bring about. */
final class JavaLoginExitTestSupport {

    private JavaLoginExitTestSupport() {
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
