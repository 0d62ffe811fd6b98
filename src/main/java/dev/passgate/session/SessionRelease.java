package dev.passgate.session;

/** What the first step of the logout route found: only the first of several concurrent ends goes on. */
public enum SessionRelease {
    /** This end released the session: the rest of the logout is its to do. */
    RELEASED,
    /** Another end came first (a timeout racing a logout): it does the rest. */
    ALREADY_ENDED
}
