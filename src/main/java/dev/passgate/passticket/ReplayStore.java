package dev.passgate.passticket;

/**
 * Remembers which tickets were accepted, so that a replay-protected ticket is accepted once.
 *
 * <p>A ticket is identified by user, APPLID, type and generation second: for one key these
 * determine the ticket, so the ticket itself is never stored.
 */
public interface ReplayStore {

    /** A store for tools that evaluate without state (the command line): every use is a first use. */
    ReplayStore NONE = new ReplayStore() {
        @Override
        public boolean recordFirstUse(String user, String applid, PassTicketType type, long generatedAt, long expiresAt) {
            return true;
        }

        @Override
        public int purgeExpired(long now) {
            return 0;
        }
    };

    /**
     * Records the use atomically.
     *
     * @return true when this is the first use; false when the same ticket was accepted before
     */
    boolean recordFirstUse(String user, String applid, PassTicketType type, long generatedAt, long expiresAt);

    /** Forgets uses whose tickets can no longer be valid; returns how many were removed. */
    int purgeExpired(long now);
}
