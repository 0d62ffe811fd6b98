package dev.passgate.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Runs one kind of cycle from N client threads for a fixed time and reports rate and latency. */
final class Cycles {

    /** One complete cycle against a server. */
    @FunctionalInterface
    interface Cycle {
        void run() throws Exception;
    }

    record Result(int clients, long cycles, double seconds, long failures, double p50Millis, double p99Millis) {
        double perSecond() {
            return cycles / seconds;
        }
    }

    private Cycles() {
    }

    static Result run(Cycle cycle, int clients, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<long[]> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        int[] counts = new int[clients];
        AtomicLong failures = new AtomicLong();
        Thread[] threads = new Thread[clients];
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            latencies.add(new long[4096]);
            int index = t;
            threads[t] = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        cycle.run();
                        long[] mine = latencies.get(index);
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                            latencies.set(index, mine);
                        }
                        mine[n++] = System.nanoTime() - t0;
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println("cycle failed: " + e);
                        }
                    }
                }
                counts[index] = n;
            });
            threads[t].setName(Explain.clientName(t));
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int k = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(latencies.get(t), 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        return new Result(clients, total, elapsed, failures.get(), percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
