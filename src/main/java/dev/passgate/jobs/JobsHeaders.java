package dev.passgate.jobs;

import org.apache.camel.spi.Metadata;

/** Headers a job's workflow finds and sets. */
public final class JobsHeaders {

    @Metadata(description = "The return code the job ends with (an integer, default 0); set by the workflow.",
            javaType = "Integer")
    public static final String RC = "PassGateJobRc";

    @Metadata(description = "The job's id (read only).", javaType = "String")
    public static final String ID = "PassGateJobId";

    @Metadata(description = "The user who submitted the job: the workflow runs in their security environment.",
            javaType = "String")
    public static final String OWNER = "PassGateJobOwner";

    private JobsHeaders() {
    }
}
