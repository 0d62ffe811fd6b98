package dev.passgate.jobs;

import java.util.Set;

/** A job's life, JES's queues: waiting, running, done (with output), or ended otherwise. */
public enum JobState {
    INPUT, ACTIVE, OUTPUT, CANCELLED, FAILED;

    /** Whether the job has ended: only ended jobs may be purged, none may be cancelled. */
    public boolean ended() {
        return this == OUTPUT || this == CANCELLED || this == FAILED;
    }

    /** The transitions the store allows; anything else is a bug or a race that lost. */
    public boolean canBecome(JobState next) {
        return switch (this) {
            case INPUT -> Set.of(ACTIVE, CANCELLED, FAILED).contains(next);
            case ACTIVE -> Set.of(OUTPUT, CANCELLED, FAILED).contains(next);
            default -> false;
        };
    }

    /** The state a client names, in any case; empty for anything else. */
    public static java.util.Optional<JobState> parse(String text) {
        for (JobState s : values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
