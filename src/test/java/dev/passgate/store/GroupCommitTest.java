package dev.passgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.passgate.support.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on a real store (an H2 file here): acknowledged writes are there, a bad write fails alone. */
class GroupCommitTest {

    @TempDir
    Path data;

    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }

    private Database open() {
        return TestDatabases.open(engine(), data);
    }

    private static int rows(Jdbc jdbc, String event) {
        return jdbc.queryOne("SELECT COUNT(*) FROM audit_log WHERE event = ?", rs -> rs.getInt(1), event).orElseThrow();
    }

    private static GroupCommit.Write insert(String event) {
        return b -> b.update("INSERT INTO audit_log (logged_at, event, outcome) VALUES (CURRENT_TIMESTAMP, ?, 'OK')", event);
    }

    @Test
    void writesFromManyThreadsAreAllCommittedWhenTheirTicketsReturn() throws Exception {
        try (Database db = open(); GroupCommit commits = new GroupCommit(db.dataSource(), "test")) {
            ExecutorService threads = Executors.newFixedThreadPool(16);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                done.add(threads.submit(() -> commits.submit(insert("MANY")).await()));
            }
            for (Future<?> f : done) {
                f.get();
            }
            threads.shutdown();
            assertEquals(500, rows(new Jdbc(db.dataSource()), "MANY"));
        }
    }

    @Test
    void aFailingWriteFailsItsOwnTicketOnlyAndSyncWaitsForEverythingBefore() throws Exception {
        try (Database db = open(); GroupCommit commits = new GroupCommit(db.dataSource(), "test")) {
            GroupCommit.Ticket good = commits.submit(insert("GOOD"));
            GroupCommit.Ticket bad = commits.submit(b -> b.update("INSERT INTO no_such_table VALUES (1)"));
            GroupCommit.Ticket alsoGood = commits.submit(insert("GOOD"));
            commits.sync();
            assertTrue(good.isDone() && bad.isDone() && alsoGood.isDone(), "sync returns after all earlier writes");
            good.await();
            alsoGood.await();
            assertThrows(Jdbc.StoreException.class, bad::await);
            assertEquals(2, rows(new Jdbc(db.dataSource()), "GOOD"));
        }
    }

    @Test
    void aThreadsSyncWaitsForItsOwnWritesNotForAnotherClientsSlowOne() throws Exception {
        try (Database db = open(); GroupCommit commits = new GroupCommit(db.dataSource(), "test")) {
            commits.submit(insert("MINE"));
            commits.sync(); // mine are durable from here on
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread other = new Thread(() -> commits.submit(b -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                b.update("INSERT INTO audit_log (logged_at, event, outcome) VALUES (CURRENT_TIMESTAMP, 'OTHER', 'OK')");
            }));
            other.start();
            other.join();
            var mine = java.util.concurrent.CompletableFuture.runAsync(commits::sync, Executors.newSingleThreadExecutor());
            mine.get(5, java.util.concurrent.TimeUnit.SECONDS); // a thread with nothing pending does not wait
            var all = java.util.concurrent.CompletableFuture.runAsync(commits::syncAll);
            Thread.sleep(200);
            assertTrue(!all.isDone(), "syncAll waits for the other client's write");
            release.countDown();
            all.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(1, rows(new Jdbc(db.dataSource()), "OTHER"));
        }
    }

    @Test
    void aWriteNobodyWaitsForIsStillCommittedOnItsOwn() throws Exception {
        try (Database db = open(); GroupCommit commits = new GroupCommit(db.dataSource(), "test")) {
            commits.submit(insert("UNWATCHED"));
            Jdbc jdbc = new Jdbc(db.dataSource());
            dev.passgate.testkit.Eventually.waitFor(java.time.Duration.ofSeconds(3), () -> rows(jdbc, "UNWATCHED") == 1);
        }
    }

    @Test
    void recordsThatARequestMakesBeforeWaitingAreAllDurableWhenItsWaitReturns() throws Exception {
        try (Database db = open(); GroupCommit commits = new GroupCommit(db.dataSource(), "test")) {
            List<GroupCommit.Ticket> tickets = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tickets.add(commits.submit(insert("REQUEST")));
            }
            commits.sync();
            assertTrue(tickets.stream().allMatch(GroupCommit.Ticket::isDone));
            assertEquals(12, rows(new Jdbc(db.dataSource()), "REQUEST"));
        }
    }

    @Test
    void afterCloseWritesAreCommittedByTheirCaller() throws Exception {
        try (Database db = open()) {
            GroupCommit commits = new GroupCommit(db.dataSource(), "test");
            commits.submit(insert("BEFORE"));
            commits.close();
            commits.submit(insert("AFTER")).await();
            commits.sync();
            Jdbc jdbc = new Jdbc(db.dataSource());
            assertEquals(1, rows(jdbc, "BEFORE"), "close commits what was queued");
            assertEquals(1, rows(jdbc, "AFTER"));
        }
    }

    @Test
    void onAnH2FileAnAcknowledgedWriteIsForcedIntoTheFileUnlessDurableAcksAreOff() {
        assumeTrue(engine() == TestDatabases.Engine.H2, "a PostgreSQL commit is durable by itself: nothing to force");
        try (Database db = open()) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            try (GroupCommit durable = new GroupCommit(db.dataSource(), "test")) {
                durable.submit(insert("FORCED")).await();
                assertEquals(1, durable.stats().forces(), "the reply waited for one force");
            }
            try (GroupCommit unforced = new GroupCommit(db.dataSource(), "test", false)) {
                unforced.submit(insert("UNFORCED")).await();
                assertEquals(0, unforced.stats().forces(), "passgate.store.durable-acks=false: no force");
                assertEquals(1, rows(jdbc, "UNFORCED"), "but committed when the wait returns");
            }
        }
    }
}
