package dev.passgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: writes from many threads are committed together, one transaction per batch,
 * by one writer thread, and a second thread then forces what is committed into the store's
 * file (H2's CHECKPOINT: into the OS's page cache, so a kill -9 cannot lose it; every commit
 * made by anyone before it rides along; on PostgreSQL a commit is durable once it returns, so
 * there is nothing to force and no connection is taken for it). A caller that must not acknowledge anything before
 * its write is durable waits for its {@link Ticket}, or for {@link #sync}.
 *
 * <p>The two stages overlap: while one force runs, the writer commits the next batches, and
 * the next force covers all of them. So under load one file write serves many batches and the
 * writer never idles behind the file; alone, a caller waits about one commit and one force.
 * Reads never wait for it. A write nobody waits for yet waits a few milliseconds for the rest of
 * its request's records, so that the request's reply costs one batch and one force, not one per record.
 *
 * <p>A write that fails is retried in a transaction of its own, so one bad write never
 * takes its batch-mates down with it; its ticket then reports the failure.
 */
public final class GroupCommit implements AutoCloseable {

    /** One change, run inside the batch's transaction. */
    @FunctionalInterface
    public interface Write {
        void apply(Batch batch) throws SQLException;
    }

    /** What a write sees: statements prepared once per batch. */
    public interface Batch {
        /** Runs one statement with its arguments; returns the update count. */
        int update(String sql, Object... args) throws SQLException;
    }

    /** A submitted write; {@link #await} returns once it is committed and in the file. */
    public static final class Ticket {
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final GroupCommit owner;
        private final long seq;

        private Ticket(GroupCommit owner, long seq) {
            this.owner = owner;
            this.seq = seq;
        }

        /**
         * Waits until the write is committed and in the file.
         *
         * @throws Jdbc.StoreException when it failed, or was not committed within the timeout
         */
        public void await() {
            if (!done.isDone()) {
                owner.want(seq);
            }
            try {
                done.get(AWAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                throw new Jdbc.StoreException(new SQLException("not committed within " + AWAIT_SECONDS + " s", "HYT00"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Jdbc.StoreException(new SQLException("interrupted while waiting for the commit", "HY008"));
            }
        }

        public boolean isDone() {
            return done.isDone();
        }
    }

    private record Pending(Write write, Ticket ticket, long seq) {
    }

    /**
     * What the group commit has done so far: batches committed, writes in them, forces into
     * the file and the time they took. A load test reads it to see what durability costs.
     */
    public record Stats(long batches, long writes, long forces, long forceNanos) {
        /** The work done between an earlier reading and this one. */
        public Stats since(Stats earlier) {
            return new Stats(batches - earlier.batches, writes - earlier.writes, forces - earlier.forces,
                    forceNanos - earlier.forceNanos);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int BATCH_MAX = 1_000;
    private static final long AWAIT_SECONDS = 30;
    /**
     * How long a write nobody waits for yet may wait for company: a request's records come one
     * by one before its reply waits for them, and committed as they come they would cost a
     * batch and a force each. The wait ends at once when anyone waits for one of them.
     */
    private static final long HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final Write NOTHING = b -> { };

    private final DataSource dataSource;
    /**
     * Whether commits must be forced with CHECKPOINT: null until the first force finds out whether the
     * store is an H2 file; false from the start with passgate.store.durable-acks=false, which leaves
     * committed writes to H2's own write delay.
     */
    private volatile Boolean checkpoints;
    private final Object progress = new Object();
    private long submitted; // guarded by progress
    private long durable; // guarded by progress: every write up to this one is in the file or has failed
    private long wanted; // guarded by progress: the latest write someone waits for
    /** The number of each thread's latest write: what {@link #sync} waits for. */
    private final ThreadLocal<long[]> lastOfThread = ThreadLocal.withInitial(() -> new long[1]);
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Committed batches not yet forced into the file; guarded by progress. */
    private final List<List<Pending>> unforced = new ArrayList<>();
    private final Thread writer;
    private final Thread forcer;
    private volatile boolean closed;
    private final LongAdder batches = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder forces = new LongAdder();
    private final LongAdder forceNanos = new LongAdder();

    public GroupCommit(DataSource dataSource, String name) {
        this(dataSource, name, true);
    }

    /**
     * @param forced false to acknowledge writes once committed, without forcing them into an H2
     *               file ({@code passgate.store.durable-acks=false}: what a load test compares with)
     */
    public GroupCommit(DataSource dataSource, String name, boolean forced) {
        this.dataSource = dataSource;
        this.checkpoints = forced ? null : Boolean.FALSE;
        this.writer = new Thread(this::writeLoop, name);
        this.writer.setDaemon(true);
        this.forcer = new Thread(this::forceLoop, name + "-force");
        this.forcer.setDaemon(true);
        this.writer.start();
        this.forcer.start();
    }

    /** Queues a write for the next batch; the caller may go on, or {@link Ticket#await} its commit. */
    public Ticket submit(Write write) {
        Pending p;
        synchronized (progress) {
            // numbered and queued under one lock, so the queue's order is the numbers' order
            ++submitted;
            p = new Pending(write, new Ticket(this, submitted), submitted);
            lastOfThread.get()[0] = p.seq();
            if (!closed) {
                queue.add(p);
                return p.ticket();
            }
        }
        finish(List.of(p)); // after close the caller writes for itself: nothing is dropped
        return p.ticket();
    }

    /**
     * Forces everything committed in the store so far, by anyone, into its file; for changes
     * made outside the group commit (a registry command's own transaction) before they are
     * acknowledged. Cheap when nothing changed.
     */
    public void flush() {
        submit(NOTHING).await();
    }

    /**
     * Waits until every write this thread submitted is durable (or has failed); at once when
     * they all are. A request runs on one thread, so its reply waits for its own records and
     * not for other clients'. (Earlier writes of others are durable too: batches go in order.)
     */
    public void sync() {
        await(lastOfThread.get()[0]);
    }

    /** Waits until every write anyone submitted before this call is durable (or has failed). */
    public void syncAll() {
        long target;
        synchronized (progress) {
            target = submitted;
        }
        await(target);
    }

    /** Someone waits for this write: the writer commits it (and what is queued before it) without holding it back. */
    private void want(long seq) {
        synchronized (progress) {
            if (seq > wanted) {
                wanted = seq;
                progress.notifyAll();
            }
        }
    }

    private void await(long target) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        synchronized (progress) {
            if (durable < target && target > wanted) {
                wanted = target;
                progress.notifyAll();
            }
            while (durable < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || ((!writer.isAlive() || !forcer.isAlive()) && !closed)) {
                    throw new Jdbc.StoreException(new SQLException("not committed within " + AWAIT_SECONDS + " s",
                            "HYT00"));
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Jdbc.StoreException(new SQLException("interrupted while waiting for the commit", "HY008"));
                }
            }
        }
    }

    public Stats stats() {
        return new Stats(batches.sum(), writes.sum(), forces.sum(), forceNanos.sum());
    }

    /** Commits what is queued, then stops the writer; later writes commit on their caller's thread. */
    @Override
    public void close() {
        synchronized (progress) {
            closed = true;
        }
        // No interrupt: H2 closes the whole database when a thread is interrupted inside its file I/O.
        // The writer sees the flag within its poll interval and leaves once the queue is empty.
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
            synchronized (progress) {
                progress.notifyAll(); // the forcer leaves once nothing is left to force
            }
            forcer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            finish(rest);
        }
    }

    /** Commits and forces a batch on the calling thread (after close). */
    private void finish(List<Pending> batch) {
        commit(batch);
        force(List.of(batch));
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(BATCH_MAX);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                holdUntilWanted(first.seq());
            } catch (InterruptedException e) {
                if (queue.isEmpty()) {
                    return;
                }
            }
            queue.drainTo(batch, BATCH_MAX - batch.size());
            List<Pending> committed = List.copyOf(batch);
            batch.clear();
            commit(committed);
            // even a batch whose writes all failed queues behind the force: the progress mark
            // must never pass committed writes that are not yet in the file
            synchronized (progress) {
                unforced.add(committed);
                progress.notifyAll();
            }
        }
    }

    /** Waits, at most {@link #HOLD_NANOS}, until someone waits for this write or a later one. */
    private void holdUntilWanted(long seq) throws InterruptedException {
        long deadline = System.nanoTime() + HOLD_NANOS;
        synchronized (progress) {
            while (wanted < seq && !closed && queue.size() < BATCH_MAX) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
    }

    /** Forces whatever the writer has committed since the last force, for as long as the writer runs. */
    private void forceLoop() {
        while (true) {
            List<List<Pending>> due;
            synchronized (progress) {
                while (unforced.isEmpty() && (writer.isAlive() || !closed)) {
                    try {
                        progress.wait(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (unforced.isEmpty()) {
                    return;
                }
                due = new ArrayList<>(unforced);
                unforced.clear();
            }
            force(due);
        }
    }

    /** Forces the committed batches into the file, then tells their callers. */
    private void force(List<List<Pending>> due) {
        RuntimeException failure = null;
        long start = System.nanoTime();
        if (!Boolean.FALSE.equals(checkpoints)) { // PostgreSQL (durable once committed) or durable-acks off: no connection, no force
            try (Connection c = dataSource.getConnection()) {
                if (needsCheckpoint(c)) {
                    try (var st = c.createStatement()) {
                        st.execute("CHECKPOINT");
                    }
                    forces.increment();
                    forceNanos.add(System.nanoTime() - start);
                }
            } catch (SQLException e) {
                // committed, but not known to be in the file: never applied again, reported as failed
                failure = new Jdbc.StoreException(e);
                LOG.error("Committed writes could not be forced into the store's file: {}", failure.getMessage());
            }
        }
        settle(due, failure);
    }

    /** Completes the batches' tickets (those not already failed) and moves the progress mark past them. */
    private void settle(List<List<Pending>> due, RuntimeException failure) {
        long last = 0;
        for (List<Pending> batch : due) {
            for (Pending p : batch) {
                if (failure == null) {
                    p.ticket().done.complete(null);
                } else {
                    p.ticket().done.completeExceptionally(failure);
                }
            }
            last = Math.max(last, batch.get(batch.size() - 1).seq());
        }
        done(last);
    }

    /** An H2 file store writes commits within its write delay; other databases make a commit durable themselves. */
    private boolean needsCheckpoint(Connection c) throws SQLException {
        Boolean known = checkpoints;
        if (known == null) {
            String url = c.getMetaData().getURL();
            known = StoreVendor.of(url) == StoreVendor.H2 && !url.startsWith("jdbc:h2:mem:");
            checkpoints = known;
        }
        return known;
    }

    private void done(long seq) {
        synchronized (progress) {
            durable = Math.max(durable, seq);
            progress.notifyAll();
        }
    }

    /** Commits the batch. Tickets of writes that failed are completed at once; the others wait for the force. */
    private void commit(List<Pending> batch) {
        try {
            run(batch);
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                RuntimeException failure = e instanceof RuntimeException r ? r : new Jdbc.StoreException((SQLException) e);
                LOG.error("A write to the store failed: {}", failure.getMessage());
                batch.get(0).ticket().done.completeExceptionally(failure);
                return;
            }
            for (Pending p : batch) {
                commit(List.of(p)); // one by one: only the bad write fails
            }
        }
    }

    private void run(List<Pending> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Map<String, PreparedStatement> statements = new HashMap<>();
            try {
                Batch b = (sql, args) -> {
                    PreparedStatement ps = statements.get(sql);
                    if (ps == null) {
                        ps = c.prepareStatement(sql);
                        statements.put(sql, ps);
                    }
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                    return ps.executeUpdate();
                };
                for (Pending p : batch) {
                    p.write().apply(b);
                }
                c.commit();
                batches.increment();
                writes.add(batch.size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                for (PreparedStatement ps : statements.values()) {
                    ps.close();
                }
                c.setAutoCommit(true);
            }
        }
    }
}
