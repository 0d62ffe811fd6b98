package dev.passgate.jobs;

/** Thrown inside a job's workflow at its next jobs: step once the job was cancelled or PassGate is stopping. */
public class JobCancelledException extends RuntimeException {

    public JobCancelledException(String message) {
        super(message, null, false, false);
    }
}
