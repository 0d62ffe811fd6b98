package dev.passgate.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One job as the store has it. {@code rc} is null until the job ends. */
public record Job(String id, String owner, String name, JobState state, Integer rc, String reason, String node,
        Instant submittedAt, Instant startedAt, Instant endedAt) {

    /** The template's route template id. */
    public String templateId() {
        return JobTemplates.PREFIX + name;
    }

    /** JESSPOOL's resource for this job's output. */
    public String spoolResource() {
        return owner + "." + name + "." + id;
    }

    /** The fields a reply shows of it. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", id);
        m.put("owner", owner);
        m.put("template", name);
        m.put("state", state.name());
        m.put("rc", rc);
        if (reason != null) {
            m.put("reason", reason);
        }
        m.put("submitted", submittedAt.toString());
        m.put("started", startedAt == null ? null : startedAt.toString());
        m.put("ended", endedAt == null ? null : endedAt.toString());
        return m;
    }
}
