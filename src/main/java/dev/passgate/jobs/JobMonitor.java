package dev.passgate.jobs;

import dev.passgate.security.AuditEvent;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import dev.passgate.passticket.RacfName;
import dev.passgate.security.AccessChecker;
import dev.passgate.security.AccessLevel;
import dev.passgate.security.AuditLog;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.session.Session;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job operations, whoever asks (the job monitor's sessions, the {@code jobs} miner of RSE
 * sessions): submit, list, status, output, cancel, purge. Access is the registry's, with JES's
 * classes: {@code JESJOBS SUBMIT.<name>} (READ) to submit, {@code JESJOBS CANCEL.<owner>.<name>}
 * (ALTER) to cancel another user's job, {@code JESSPOOL <owner>.<name>.<id>} READ to see
 * another user's job and output, ALTER to purge it. Without a profile a user may act only on
 * their own jobs (and submit any template).
 */
public final class JobMonitor {

    static final int LIST_MAX = 500;
    static final int OUTPUT_MAX = 1000;
    private static final char[] ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private final JobStore store;
    private final JobTemplates templates;
    private final JobRunner runner;
    private final AccessChecker access;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public JobMonitor(JobStore store, JobTemplates templates, JobRunner runner, AccessChecker access, AuditLog audit) {
        this.store = store;
        this.templates = templates;
        this.runner = runner;
        this.access = access;
        this.audit = audit;
    }

    public JobStore store() {
        return store;
    }

    public JobRunner runner() {
        return runner;
    }

    public JobTemplates templates() {
        return templates;
    }

    /** One operation; the reply's fields. */
    public Map<String, Object> handle(String verb, Request r, Session session, SecurityEnvironment env) {
        return switch (verb) {
            case "submit" -> submit(r, session, env);
            case "list" -> list(r, env);
            case "status" -> status(r, env);
            case "output" -> output(r, env);
            case "cancel" -> cancel(r, env);
            case "purge" -> purge(r, env);
            default -> throw new ProtocolException(ErrorCode.BAD_REQUEST, "unknown op jobs." + verb);
        };
    }

    private Map<String, Object> submit(Request r, Session session, SecurityEnvironment env) {
        String name = r.requiredText("template");
        JobTemplates.Template t = templates.find(name).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND,
                "no job template " + (RacfName.isValid(name) ? name.toUpperCase(java.util.Locale.ROOT) : "of that name")));
        Map<String, String> params = JobTemplates.params(t, r.body().get("params"));
        String resource = "SUBMIT." + t.name();
        if (access.findProfile("JESJOBS", resource).isPresent()
                && !access.check(env, "JESJOBS", resource, AccessLevel.READ).allowed()) {
            audit.record(AuditEvent.JOB_SUBMIT, env.user(), env.user(), "NOT_AUTHORIZED", "template " + t.name());
            audit.sync();
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "READ on JESJOBS " + resource + " is needed");
        }
        if (!runner.reserve()) {
            throw new ProtocolException(ErrorCode.POOLS_EXHAUSTED, "the job monitor's pool and queue are full");
        }
        Job job;
        try {
            job = store.submit(newId(), env.user(), t.name(), env.user());
        } catch (RuntimeException e) {
            runner.unreserve();
            throw e;
        }
        // Only now, with the job durable, may anything run it or the client hear of it.
        runner.run(new JobRun(job, session, store), JobTemplates.uri(t, job.id(), params));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("job", job.id());
        reply.put("state", job.state().name());
        return reply;
    }

    private Map<String, Object> list(Request r, SecurityEnvironment env) {
        String owner = r.text("owner").map(o -> "*".equals(o) ? null : user(o)).orElse(env.user());
        boolean all = r.text("owner").filter("*"::equals).isPresent();
        String prefix = r.text("prefix").map(p -> p.toUpperCase(java.util.Locale.ROOT)).orElse(null);
        if (prefix != null && !prefix.matches("[A-Z0-9#$@]{0,8}")) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "prefix must be the start of a template name");
        }
        JobState state = r.text("state").map(s -> JobState.parse(s).orElseThrow(() -> new ProtocolException(
                ErrorCode.BAD_REQUEST, "state must be one of INPUT, ACTIVE, OUTPUT, CANCELLED, FAILED"))).orElse(null);
        int max = Math.min(r.integer("max").orElse(100), LIST_MAX);
        List<Map<String, Object>> jobs = store.list(new JobStore.Filter(all ? null : owner, prefix, state, LIST_MAX))
                .stream().filter(j -> maySee(env, j)).limit(Math.max(0, max)).map(Job::fields).toList();
        return Map.of("jobs", jobs);
    }

    private Map<String, Object> status(Request r, SecurityEnvironment env) {
        Job j = visible(r, env);
        Map<String, Object> reply = j.fields();
        reply.put("lines", store.lineCount(j.id()));
        return reply;
    }

    private Map<String, Object> output(Request r, SecurityEnvironment env) {
        Job j = visible(r, env);
        int from = r.integer("from").orElse(0);
        int max = r.integer("max").orElse(OUTPUT_MAX);
        if (from < 0 || max < 1 || max > OUTPUT_MAX) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "from must be 0 or more, max 1 to " + OUTPUT_MAX);
        }
        List<String> lines = store.lines(j.id(), from, max);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("job", j.id());
        reply.put("state", j.state().name());
        reply.put("from", from);
        reply.put("lines", lines);
        reply.put("total", store.lineCount(j.id()));
        return reply;
    }

    private Map<String, Object> cancel(Request r, SecurityEnvironment env) {
        Job j = find(r);
        String resource = "CANCEL." + j.owner() + "." + j.name();
        if (!own(env, j) && !allowed(env, "JESJOBS", resource, AccessLevel.ALTER)) {
            audit.record(AuditEvent.JOB_CANCEL, j.owner(), env.user(), "NOT_AUTHORIZED", "job " + j.id());
            audit.sync();
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "ALTER on JESJOBS " + resource + " is needed");
        }
        return cancel(j, env.user());
    }

    /** Cancels a job for an actor already allowed to (the operator, or a checked user). */
    public Map<String, Object> cancel(Job j, String actor) {
        if (j.state().ended()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "job " + j.id() + " has ended (" + j.state() + ")");
        }
        if (!store.cancel(j, actor)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "job " + j.id() + " ended meanwhile");
        }
        runner.running(j.id()).ifPresent(run -> run.stop("cancelled by " + actor));
        return Map.of("job", j.id(), "state", JobState.CANCELLED.name());
    }

    private Map<String, Object> purge(Request r, SecurityEnvironment env) {
        Job j = find(r);
        if (!own(env, j) && !allowed(env, "JESSPOOL", j.spoolResource(), AccessLevel.ALTER)) {
            audit.record(AuditEvent.JOB_PURGE, j.owner(), env.user(), "NOT_AUTHORIZED", "job " + j.id());
            audit.sync();
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "ALTER on JESSPOOL " + j.spoolResource()
                    + " is needed");
        }
        if (!j.state().ended()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "job " + j.id() + " is " + j.state()
                    + ": cancel it first");
        }
        store.purge(j, env.user());
        return Map.of("job", j.id(), "purged", true);
    }

    private Job visible(Request r, SecurityEnvironment env) {
        Job j = find(r);
        if (!maySee(env, j)) {
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "READ on JESSPOOL " + j.spoolResource()
                    + " is needed");
        }
        return j;
    }

    private Job find(Request r) {
        String id = r.requiredText("job").toUpperCase(java.util.Locale.ROOT);
        if (!id.matches("J[0-9A-Z]{7}")) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "job must be a job id (J and 7 letters or digits)");
        }
        return store.find(id).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no job " + id));
    }

    private boolean maySee(SecurityEnvironment env, Job j) {
        return own(env, j) || allowed(env, "JESSPOOL", j.spoolResource(), AccessLevel.READ);
    }

    private static boolean own(SecurityEnvironment env, Job j) {
        return env.user().equals(j.owner());
    }

    private boolean allowed(SecurityEnvironment env, String className, String resource, AccessLevel level) {
        return access.check(env, className, resource, level).allowed();
    }

    private static String user(String text) {
        try {
            return RacfName.normalize(text, "owner");
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "owner must be a user ID or *");
        }
    }

    private String newId() {
        char[] id = new char[8];
        id[0] = 'J';
        for (int i = 1; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }
}
