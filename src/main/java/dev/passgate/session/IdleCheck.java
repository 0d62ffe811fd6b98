package dev.passgate.session;

/** What a fired idle timer found, for the timeout route to decide on. */
public enum IdleCheck {
    /** Idle for the whole timeout: the session ends. */
    EXPIRED,
    /** Used since the timer was armed: the timer is armed again for the rest. */
    USED,
    /** No such session here any more (it ended, or a previous life left the timer): the timer goes. */
    GONE
}
