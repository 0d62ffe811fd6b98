package dev.passgate.partner;

/** What a partner lookup asks for besides the routing information, which it always returns. */
public enum PartnerRequest {
    /** Routing information only: needs no SERVAUTH authority. */
    ROUTING,
    USER_ID,
    UTOKEN,
    BOTH;

    boolean wantsCredentials() {
        return this != ROUTING;
    }

    boolean wantsUser() {
        return this == USER_ID || this == BOTH;
    }

    boolean wantsUToken() {
        return this == UTOKEN || this == BOTH;
    }
}
