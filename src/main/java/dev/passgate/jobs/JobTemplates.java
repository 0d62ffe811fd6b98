package dev.passgate.jobs;

/** Job templates: route templates whose id is {@code job.<NAME>} and whose {@code from:} is {@code kamelet:source}. */
public final class JobTemplates {

    /** The id prefix that tags a route template as a job template. */
    public static final String PREFIX = "job.";

    private JobTemplates() {
    }
}
