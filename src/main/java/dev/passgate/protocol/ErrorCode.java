package dev.passgate.protocol;

import dev.passgate.security.VerifyResult;

/**
 * The protocol's error codes (docs/protocol.md), each with the message a client
 * sees when the code alone must speak. Messages never carry a password, ticket, key or
 * client ID.
 */
public enum ErrorCode {
    BAD_REQUEST("the request is not valid"),
    LINE_TOO_LONG("the request line is too long"),
    // One code and one message for every failed credential, so none tells which part was wrong.
    AUTH_FAILED("logon failed: user ID, password, PassTicket or one-time password not valid"),
    USER_REVOKED("the user ID is revoked"),
    PASSWORD_EXPIRED("the password has expired: send it again with newPassword"),
    OTP_REQUIRED("a one-time password is required (otp)"),
    PASSWORD_REJECTED("the new password is not acceptable"),
    NOT_AUTHORIZED("not authorized"),
    PASSTICKET_SETUP("the server's PassTicket definitions are incomplete"),
    PORT_UNAVAILABLE("no server port is available"),
    POOLS_EXHAUSTED("all thread pools are full"),
    RATE_LIMITED("too many failed logons from this address; try again later"),
    EXIT_REJECTED("refused by an installation exit"),
    INVALID_CLIENT_ID("the client ID is not valid"),
    NOT_FOUND("not found"),
    SERVER_ERROR("unexpected server error");

    private final String defaultMessage;

    ErrorCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** The code a failed verify is reported with. */
    public static ErrorCode of(VerifyResult.Outcome outcome) {
        return switch (outcome) {
            case AUTH_FAILED -> AUTH_FAILED;
            case USER_REVOKED -> USER_REVOKED;
            case PASSWORD_EXPIRED -> PASSWORD_EXPIRED;
            case OTP_REQUIRED -> OTP_REQUIRED;
            case PASSWORD_REJECTED -> PASSWORD_REJECTED;
            case PASSTICKET_SETUP -> PASSTICKET_SETUP;
            case SUCCESS -> throw new IllegalArgumentException("a successful verify has no error code");
        };
    }
}
