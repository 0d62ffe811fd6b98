package dev.passgate.partner;

/** How a partner lookup ended, named after the z/OS error number it mirrors. */
public enum PartnerOutcome {
    /** Routing information returned, and the credentials asked for when the partner's are known. */
    OK,
    /** The connection is not connected (ENOTCONN). */
    NOT_CONNECTED,
    /** The partner's node is in another security domain, or a domain is not defined (EPERM). */
    NOT_SAME_DOMAIN,
    /** The caller has no READ on SERVAUTH EZB.IOCTL.sys.tcpip.PARTNERINFO (EACCES). */
    NOT_AUTHORIZED,
    /** A no-wait lookup without a prior set: the answer needs the cluster (EAGAIN / EWOULDBLOCK). */
    WOULD_BLOCK,
    /** A no-wait lookup after a set, before the credentials arrived (EINPROGRESS). */
    IN_PROGRESS,
    /** Another lookup on this connection is still waiting (EALREADY). */
    ALREADY_PENDING,
    /** Set partner info after the connection was established or the listener listening (EOPNOTSUPP). */
    TOO_LATE,
    /** The partner's credentials did not arrive within the timeout (ETIME). */
    TIMED_OUT;

    /** The z/OS error number's name, for operators who know those. */
    public String errno() {
        return switch (this) {
            case OK -> "0";
            case NOT_CONNECTED -> "ENOTCONN";
            case NOT_SAME_DOMAIN -> "EPERM";
            case NOT_AUTHORIZED -> "EACCES";
            case WOULD_BLOCK -> "EAGAIN";
            case IN_PROGRESS -> "EINPROGRESS";
            case ALREADY_PENDING -> "EALREADY";
            case TOO_LATE -> "EOPNOTSUPP";
            case TIMED_OUT -> "ETIME";
        };
    }
}
