package dev.passgate.server;

/**
 * Checks the first line a client sends on its server port ({@code {"op":"connect",...}}).
 * The server module only moves bytes; what makes a line acceptable is the session's business.
 */
@FunctionalInterface
public interface Handshake {

    /**
     * The answer to a first line: the reply to send, whether the client is in, and, for a
     * refusal, whether the handoff is over (the one client it waited for has been turned away).
     */
    record Result(boolean accepted, boolean ends, String reply, Runnable afterReply) {
        public static Result accept(String reply) {
            return accept(reply, () -> { });
        }

        /**
         * Accepts the client; {@code afterReply} runs once its reply is written, before anything
         * else can be (whatever the accepting side queued meanwhile follows the reply).
         */
        public static Result accept(String reply, Runnable afterReply) {
            return new Result(true, true, reply, afterReply);
        }

        /** Refuses this connection; the listener goes on waiting for the right client. */
        public static Result refuse(String reply) {
            return new Result(false, false, reply, () -> { });
        }

        /** Refuses this connection and ends the handoff: nobody else can be the right client now. */
        public static Result refuseAndEnd(String reply) {
            return new Result(false, true, reply, () -> { });
        }
    }

    /**
     * @param channel the client's connection; an accepting handshake may add its own handlers
     *                to the pipeline (they take over once the handshake handler is removed)
     */
    Result check(String firstLine, io.netty.channel.Channel channel);
}
