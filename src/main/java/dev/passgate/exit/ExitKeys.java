package dev.passgate.exit;

/** How exit routes receive their event and give their answer. */
public final class ExitKeys {

    /** Exchange property: the {@link ExitEvent}. */
    public static final String EVENT = "PassGateExitEvent";
    /** Headers copied from the event for routes that prefer headers. */
    public static final String USER = "PassGateUser";
    public static final String ADDRESS = "PassGateAddress";
    public static final String PATH = "PassGatePath";
    public static final String ACCESS = "PassGateAccess";
    /**
     * Header the exit route sets to FAIL or DISCONNECT to fail the request (CONTINUE or
     * absent lets it pass). Throwing an exception fails it too.
     */
    public static final String RESULT = "PassGateExitResult";
    /** Header with the user exit block; a new-session route sets it to the block it wants handed back later. */
    public static final String UXB = "PassGateExitUxb";
    /** Header with the global exit block; an init route sets it to the block it wants handed back later. */
    public static final String GXB = "PassGateExitGxb";

    private ExitKeys() {
    }
}
