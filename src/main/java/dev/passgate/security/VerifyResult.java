package dev.passgate.security;

/**
 * The outcome of a verify. The outcome names are the protocol's error codes; {@code detail}
 * is for the log and the audit trail (it names the reason but never a secret); clients get
 * only what the protocol allows them to see.
 *
 * @param environment present only on SUCCESS
 */
public record VerifyResult(Outcome outcome, SecurityEnvironment environment, String detail) {

    public enum Outcome {
        SUCCESS, AUTH_FAILED, USER_REVOKED, PASSWORD_EXPIRED, OTP_REQUIRED, PASSWORD_REJECTED, PASSTICKET_SETUP
    }

    public boolean success() {
        return outcome == Outcome.SUCCESS;
    }
}
