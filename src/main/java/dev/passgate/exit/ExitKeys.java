package dev.passgate.exit;

import dev.passgate.flow.FlowKey;

/** How exit routes receive their event and give their answer, and what the {@code exit:} steps read and write. */
public final class ExitKeys {

    /** Step input of {@code exit:new-session}, {@code exit:login} and {@code exit:logout}: who the call is about. */
    public static final FlowKey<ExitSubject> SUBJECT = FlowKey.of("PassGateExitSubject", ExitSubject.class);
    /** Step output of the {@code exit:} steps: what the exit answered. */
    public static final FlowKey<ExitResult> ANSWER = FlowKey.of("PassGateExitAnswer", ExitResult.class);

    /** Exchange property: the {@link ExitEvent}. */
    public static final String EVENT = "PassGateExitEvent";
    /** Headers copied from the event for routes that prefer headers. */
    public static final String USER = "PassGateUser";
    public static final String ADDRESS = "PassGateAddress";
    public static final String PATH = "PassGatePath";
    public static final String ACCESS = "PassGateAccess";
    /** after-login: OK, or the logon's error code. */
    public static final String OUTCOME = "PassGateExitOutcome";
    /** logout: why the session ended. */
    public static final String REASON = "PassGateExitReason";
    /**
     * Header the exit route sets to FAIL or DISCONNECT to fail the request (CONTINUE or
     * absent lets it pass). Throwing an exception fails it too.
     */
    public static final String RESULT = "PassGateExitResult";
    /**
     * Header a failing new-session or login exit route may set: the message the client gets with
     * EXIT_REJECTED instead of the default one (one line, at most 200 characters; it is shown to
     * the client, so it must not carry anything secret).
     */
    public static final String MESSAGE = "PassGateExitMessage";
    /** Exchange property of the logon: the refusing exit route's message, for the exit: step's error. */
    public static final String REFUSAL_MESSAGE = "PassGateExitRefusalMessage";
    /** Header with the user exit block; a new-session route sets it to the block it wants handed back later. */
    public static final String UXB = "PassGateExitUxb";
    /** Header with the global exit block; an init route sets it to the block it wants handed back later. */
    public static final String GXB = "PassGateExitGxb";

    /**
     * The route configuration the built-in exit routes use, and integrator exit routes may
     * ({@code routeConfigurationId: passgate-exit-errors}): an exception becomes a FAIL answer,
     * audited as an exit fault, without Camel's stack trace in the log.
     */
    /** Exchange property the error configuration sets: the exit route failed (the exception is in CamelExceptionCaught). */
    public static final String FAULT = "PassGateExitFault";
    public static final String ERROR_CONFIGURATION = "passgate-exit-errors";

    private ExitKeys() {
    }
}
