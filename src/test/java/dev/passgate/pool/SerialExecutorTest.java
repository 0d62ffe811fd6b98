package dev.passgate.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many sessions on few threads: each session's tasks run in order and never two at once. */
class SerialExecutorTest {

    @Test
    void eachSessionsTasksRunInOrderOneAtATimeOnSharedThreads() throws Exception {
        ExecutorService shared = Executors.newFixedThreadPool(4);
        try {
            int sessions = 200;
            int tasksEach = 100;
            List<List<Integer>> seen = new ArrayList<>();
            AtomicInteger overlaps = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(sessions * tasksEach);
            List<SerialExecutor> executors = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                seen.add(Collections.synchronizedList(new ArrayList<>()));
                executors.add(new SerialExecutor(shared));
            }
            AtomicInteger[] inside = new AtomicInteger[sessions];
            for (int s = 0; s < sessions; s++) {
                inside[s] = new AtomicInteger();
            }
            for (int i = 0; i < tasksEach; i++) {
                for (int s = 0; s < sessions; s++) {
                    int session = s;
                    int task = i;
                    executors.get(s).execute(() -> {
                        if (inside[session].incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        seen.get(session).add(task);
                        inside[session].decrementAndGet();
                        done.countDown();
                    });
                }
            }
            assertTrue(done.await(30, TimeUnit.SECONDS));
            assertEquals(0, overlaps.get(), "a session never runs two tasks at once");
            for (List<Integer> order : seen) {
                for (int i = 0; i < tasksEach; i++) {
                    assertEquals(i, order.get(i));
                }
            }
        } finally {
            shared.shutdownNow();
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesBehindIt() throws Exception {
        ExecutorService shared = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r);
            t.setUncaughtExceptionHandler((th, e) -> { });
            return t;
        });
        try {
            SerialExecutor serial = new SerialExecutor(shared);
            CountDownLatch after = new CountDownLatch(1);
            serial.execute(() -> {
                throw new IllegalStateException("boom");
            });
            serial.execute(after::countDown);
            assertTrue(after.await(5, TimeUnit.SECONDS));
        } finally {
            shared.shutdownNow();
        }
    }

    @Test
    void aLongQueueSharesTheThreadWithOtherSessions() throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor busy = new SerialExecutor(one);
            SerialExecutor other = new SerialExecutor(one);
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch gate = new CountDownLatch(1);
            busy.execute(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int i = 0; i < SerialExecutor.FAIR_SHARE * 3; i++) {
                busy.execute(() -> order.add("busy"));
            }
            CountDownLatch otherRan = new CountDownLatch(1);
            other.execute(() -> {
                order.add("other");
                otherRan.countDown();
            });
            gate.countDown();
            assertTrue(otherRan.await(5, TimeUnit.SECONDS));
            one.submit(() -> { }).get(5, TimeUnit.SECONDS);
            int position = order.indexOf("other");
            assertTrue(position < SerialExecutor.FAIR_SHARE * 3, "the other session ran before the busy queue drained: "
                    + position);
        } finally {
            one.shutdownNow();
        }
    }
}
