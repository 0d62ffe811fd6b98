package dev.passgate.daemon;

import dev.passgate.protocol.Request;

/**
 * How a logon proves who it is; the route branches on it
 * ({@code ${exchangeProperty.PassGateLogonKind} == 'TRUSTED'}), so each kind is a path one can read.
 */
public enum LogonKind {
    /** {@code "password"}, optionally with {@code otp} and {@code newPassword}. */
    PASSWORD,
    /** {@code "passticket"} for the daemon's APPLID. */
    PASSTICKET,
    /** {@code "certificate":true}: the TLS client certificate. */
    CERTIFICATE,
    /** {@code "trusted":true}: the partner node at the other end of the connection vouches for the user. */
    TRUSTED;

    /** The kind a request asks for; the order is the one the daemon has always honoured when fields conflict. */
    public static LogonKind of(Request request) {
        if (request.flag("trusted")) {
            return TRUSTED;
        }
        if (request.flag("certificate")) {
            return CERTIFICATE;
        }
        return request.text("passticket").isPresent() ? PASSTICKET : PASSWORD;
    }
}
