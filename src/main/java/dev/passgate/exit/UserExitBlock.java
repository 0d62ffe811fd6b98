package dev.passgate.exit;

/**
 * The user exit block (UXB): the exit's own memory for one user ID and client address, kept by
 * PassGate from the combination's first logon to its last logout. A holder rather than a value
 * so that an exit may create it at new-session and replace it at any later event, as an NFS
 * login exit keeps its UXB pointer.
 */
public final class UserExitBlock {

    private volatile Object value;

    UserExitBlock() {
    }

    UserExitBlock(Object value) {
        this.value = value;
    }

    public Object get() {
        return value;
    }

    public void set(Object value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
