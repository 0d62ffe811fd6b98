package dev.passgate.exit;

/**
 * What an exit is told about one event. The global exit block (GXB) is what the exit's
 * init returned; the user exit block (UXB) belongs to one user ID and client address and
 * lives from that combination's first session to its last logout.
 */
public final class ExitEvent {

    private final String type;
    private final String user;
    private final String address;
    private final Object gxb;
    private Object uxb;
    private final String reason;
    private final String path;
    private final String access;

    ExitEvent(String type, String user, String address, Object gxb, Object uxb, String reason, String path, String access) {
        this.type = type;
        this.user = user;
        this.address = address;
        this.gxb = gxb;
        this.uxb = uxb;
        this.reason = reason;
        this.path = path;
        this.access = access;
    }

    /** init, new-session, login, logout, termination or file. */
    public String type() {
        return type;
    }

    public String user() {
        return user;
    }

    public String address() {
        return address;
    }

    public Object gxb() {
        return gxb;
    }

    public Object uxb() {
        return uxb;
    }

    /** A new-session exit may create the user exit block here. */
    public void uxb(Object value) {
        this.uxb = value;
    }

    /** For logout: logout, timeout, cancelled, replaced, disconnected, shutdown. */
    public String reason() {
        return reason;
    }

    /** For file: the virtual path. */
    public String path() {
        return path;
    }

    /** For file: READ or UPDATE. */
    public String access() {
        return access;
    }

    @Override
    public String toString() {
        return "ExitEvent[" + type + ", " + user + " from " + address + (path != null ? ", " + access + " " + path : "")
                + (reason != null ? ", " + reason : "") + "]";
    }
}
