package dev.passgate.partner;

import java.util.Set;

/**
 * The answer to a partner lookup: always the routing, and when asked for and known the
 * partner's credentials at both levels: the address space (the partner node's service user)
 * and the task (the session the connection was opened for, if any). Fields not asked for or
 * not known are null. {@link #toString()} shows no UTOKEN.
 *
 * @param node the partner's node, when the partner was found
 */
public record PartnerInfo(PartnerOutcome outcome, Set<Routing> routing, String node, String addressSpaceUser,
        String addressSpaceUToken, String taskUser, String taskUToken) {

    public PartnerInfo {
        routing = Set.copyOf(routing);
    }

    static PartnerInfo of(PartnerOutcome outcome, Set<Routing> routing) {
        return new PartnerInfo(outcome, routing, null, null, null, null, null);
    }

    public boolean ok() {
        return outcome == PartnerOutcome.OK;
    }

    @Override
    public String toString() {
        return "PartnerInfo[" + outcome + ", " + routing + (node != null ? ", node " + node : "")
                + (addressSpaceUser != null ? ", " + addressSpaceUser : "") + (taskUser != null ? "/" + taskUser : "")
                + "]";
    }
}
