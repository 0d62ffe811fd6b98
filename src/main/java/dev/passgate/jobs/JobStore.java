package dev.passgate.jobs;

import dev.passgate.security.AuditEvent;
import dev.passgate.security.AuditLog;
import dev.passgate.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jobs and their spooled output in the store. Everything a client is told is done goes
 * through the audit trail's group commit and is awaited before the reply (a submitted job,
 * a cancel, a purge, each together with its audit record); output lines and the start of a
 * job are queued on the same group commit without waiting, and the job's end awaits them
 * all, since batches commit in order.
 */
public final class JobStore {

    /** Filters of a listing; null matches everything. */
    public record Filter(String owner, String prefix, JobState state, int limit) {
    }

    private static final String COLUMNS = "job_id, owner, job_name, state, rc, reason, node, submitted_at, started_at,"
            + " ended_at";
    private static final int LINE_MAX = 4000;

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final String node;

    public JobStore(Jdbc jdbc, AuditLog audit, Clock clock, String node) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.node = node;
    }

    public String node() {
        return node;
    }

    /** Records a new INPUT job and its SUBMIT audit record together; returns once both are durable. */
    public Job submit(String id, String owner, String name, String actor) {
        Instant now = clock.instant();
        audit.recordTogether(b -> b.update("INSERT INTO passgate_job (" + COLUMNS + ") VALUES (?, ?, ?, ?, NULL, NULL,"
                + " ?, ?, NULL, NULL)", id, owner, name, JobState.INPUT.name(), node, now.toEpochMilli()),
                AuditEvent.JOB_SUBMIT, owner, actor, "SUBMITTED", "job " + id + " template " + name);
        return new Job(id, owner, name, JobState.INPUT, null, null, node, now, null, null);
    }

    /** INPUT to ACTIVE, queued (the end of the job awaits it); false when the job is no longer INPUT. */
    public boolean start(String id) {
        Optional<Job> j = find(id);
        if (j.isEmpty() || j.get().state() != JobState.INPUT) {
            return false;
        }
        audit.commits().submit(b -> b.update("UPDATE passgate_job SET state = ?, started_at = ? WHERE job_id = ?"
                + " AND state = ?", JobState.ACTIVE.name(), clock.millis(), id, JobState.INPUT.name()));
        return true;
    }

    /** Queues one output line; the job's end makes it durable. */
    public void output(String id, int lineNo, String line) {
        String l = line.length() <= LINE_MAX ? line : line.substring(0, LINE_MAX);
        audit.commits().submit(b -> b.update("INSERT INTO passgate_job_output (job_id, line_no, line) VALUES (?, ?, ?)",
                id, lineNo, l));
    }

    /**
     * Ends an ACTIVE job (OUTPUT or FAILED) once its start and every line are durable; false when
     * it was not ACTIVE any more (cancelled meanwhile), and then nothing changes.
     */
    public boolean finish(String id, JobState state, Integer rc, String reason) {
        AtomicInteger changed = new AtomicInteger();
        audit.commits().submit(b -> changed.set(b.update("UPDATE passgate_job SET state = ?, rc = ?, reason = ?,"
                + " ended_at = ? WHERE job_id = ? AND state = ?", state.name(), rc, cut(reason), clock.millis(), id,
                JobState.ACTIVE.name()))).await();
        return changed.get() == 1;
    }

    /** Fails an INPUT job that never ran (its template could not start); false when it was not INPUT. */
    public boolean failUnstarted(String id, String reason) {
        AtomicInteger changed = new AtomicInteger();
        audit.commits().submit(b -> changed.set(b.update("UPDATE passgate_job SET state = ?, reason = ?, ended_at = ?"
                + " WHERE job_id = ? AND state = ?", JobState.FAILED.name(), cut(reason), clock.millis(), id,
                JobState.INPUT.name()))).await();
        return changed.get() == 1;
    }

    /**
     * INPUT or ACTIVE to CANCELLED, then its audit record; false (nothing recorded) when it had
     * ended. Returns once both are durable.
     */
    public boolean cancel(Job job, String actor) {
        AtomicInteger changed = new AtomicInteger();
        audit.commits().submit(b -> changed.set(b.update("UPDATE passgate_job SET state = ?, ended_at = ?, reason = ?"
                + " WHERE job_id = ? AND state IN (?, ?)", JobState.CANCELLED.name(), clock.millis(),
                "cancelled by " + actor, job.id(), JobState.INPUT.name(), JobState.ACTIVE.name()))).await();
        if (changed.get() != 1) {
            return false;
        }
        audit.record(AuditEvent.JOB_CANCEL, job.owner(), actor, "CANCELLED", "job " + job.id() + " template " + job.name());
        audit.sync();
        return true;
    }

    /** Removes an ended job and its output with its audit record. */
    public void purge(Job job, String actor) {
        audit.recordTogether(b -> {
            b.update("DELETE FROM passgate_job_output WHERE job_id = ?", job.id());
            b.update("DELETE FROM passgate_job WHERE job_id = ?", job.id());
        }, AuditEvent.JOB_PURGE, job.owner(), actor, "PURGED", "job " + job.id() + " template " + job.name());
    }

    /**
     * At start-up: the jobs this node left INPUT or ACTIVE did not finish, and nothing will
     * run them again; they become FAILED with the reason. Returns how many.
     */
    public int failLeftBehind(String reason) {
        AtomicInteger changed = new AtomicInteger();
        audit.commits().submit(b -> changed.set(b.update("UPDATE passgate_job SET state = ?, reason = ?, ended_at = ?"
                + " WHERE node = ? AND state IN (?, ?)", JobState.FAILED.name(), reason, clock.millis(), node,
                JobState.INPUT.name(), JobState.ACTIVE.name()))).await();
        return changed.get();
    }

    public Optional<Job> find(String id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM passgate_job WHERE job_id = ?", JobStore::map, id);
    }

    /** Newest first. */
    public List<Job> list(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM passgate_job WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (f.owner() != null) {
            sql.append(" AND owner = ?");
            args.add(f.owner());
        }
        if (f.prefix() != null) {
            sql.append(" AND job_name LIKE ?");
            args.add(f.prefix().replace("%", "").replace("_", "") + "%");
        }
        if (f.state() != null) {
            sql.append(" AND state = ?");
            args.add(f.state().name());
        }
        sql.append(" ORDER BY submitted_at DESC, job_id LIMIT ?");
        args.add(f.limit());
        return jdbc.query(sql.toString(), JobStore::map, args.toArray());
    }

    /** Output lines from line {@code from} (0-based), at most {@code max}. */
    public List<String> lines(String id, int from, int max) {
        return jdbc.query("SELECT line FROM passgate_job_output WHERE job_id = ? AND line_no >= ? ORDER BY line_no"
                + " LIMIT ?", rs -> rs.getString(1), id, from, max);
    }

    public int lineCount(String id) {
        return jdbc.queryOne("SELECT COUNT(*) FROM passgate_job_output WHERE job_id = ?", rs -> rs.getInt(1), id)
                .orElse(0);
    }

    /** How many jobs are in each state, for the metrics. */
    public int count(JobState state) {
        return jdbc.queryOne("SELECT COUNT(*) FROM passgate_job WHERE state = ?", rs -> rs.getInt(1), state.name())
                .orElse(0);
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
    }

    private static Job map(ResultSet rs) throws SQLException {
        int rc = rs.getInt(5);
        Integer rcOrNull = rs.wasNull() ? null : rc;
        return new Job(rs.getString(1), rs.getString(2), rs.getString(3), JobState.valueOf(rs.getString(4)), rcOrNull,
                rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)), instant(rs, 9), instant(rs, 10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
