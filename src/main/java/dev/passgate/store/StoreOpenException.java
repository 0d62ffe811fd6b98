package dev.passgate.store;

import java.sql.SQLException;

/** The store could not be opened; the message says why in an operator's words, never with a password. */
public final class StoreOpenException extends IllegalStateException {

    private static final String WRONG_PASSWORD = "28000";
    /** PostgreSQL's "password authentication failed". */
    private static final String PG_WRONG_PASSWORD = "28P01";
    private static final int IN_USE = 90020;

    private final boolean wrongPassword;

    private StoreOpenException(String message, boolean wrongPassword, SQLException cause) {
        super(message, cause);
        this.wrongPassword = wrongPassword;
    }

    static StoreOpenException of(String url, SQLException e) {
        String where = withoutCredentials(url);
        if (e.getErrorCode() == IN_USE) {
            return new StoreOpenException("the store " + where + " is in use by another process (a running passgate"
                    + " serve?); only one process opens it at a time", false, e);
        }
        if (WRONG_PASSWORD.equals(e.getSQLState()) || PG_WRONG_PASSWORD.equals(e.getSQLState())) {
            return new StoreOpenException("the store " + where + " refused passgate.store.user/password", true, e);
        }
        return new StoreOpenException("the store " + where + " cannot be opened (SQL state " + e.getSQLState() + ")",
                false, e);
    }

    /** The URL up to its parameters (H2's after ';', PostgreSQL's after '?', where a password may be given). */
    static String withoutCredentials(String url) {
        int end = url.length();
        for (char c : new char[] {';', '?'}) {
            int i = url.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return url.substring(0, end);
    }

    /** The database answered but refused the credentials. */
    public boolean wrongPassword() {
        return wrongPassword;
    }

    /** Another process holds the store open. */
    public boolean inUse() {
        return getCause() instanceof SQLException s && s.getErrorCode() == IN_USE;
    }
}
