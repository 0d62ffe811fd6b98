package dev.passgate.server;

import java.net.InetSocketAddress;

/**
 * Checks the first line a client sends on its server port ({@code {"op":"connect",...}}).
 * The server module only moves bytes; what makes a line acceptable is the session's business.
 */
@FunctionalInterface
public interface Handshake {

    /** The answer to a first line: the reply to send, and whether the client is in. */
    record Result(boolean accepted, String reply) {
        public static Result accept(String reply) {
            return new Result(true, reply);
        }

        public static Result refuse(String reply) {
            return new Result(false, reply);
        }
    }

    Result check(String firstLine, InetSocketAddress remote);

    /** The reply for a first line over the length limit. */
    default String lineTooLong() {
        return "{\"ok\":false,\"error\":{\"code\":\"LINE_TOO_LONG\",\"message\":\"the request line is too long\"}}";
    }
}
