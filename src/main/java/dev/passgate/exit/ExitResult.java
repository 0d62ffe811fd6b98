package dev.passgate.exit;

/** What an exit says about the request it saw. */
public enum ExitResult {
    /** Go on: later checks (the security registry, in the saf modes) still apply. */
    CONTINUE,
    /** Fail the request with EXIT_REJECTED. */
    FAIL,
    /** Fail the request and close the client's connection. */
    DISCONNECT;

    public boolean failed() {
        return this != CONTINUE;
    }
}
