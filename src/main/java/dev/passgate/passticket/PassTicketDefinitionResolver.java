package dev.passgate.passticket;

import java.util.List;
import java.util.Optional;

/**
 * Where PassTicket definitions come from: configuration now, the security registry's
 * PTKTDATA profiles later. Implementations must never expose keys other than through
 * the definitions they return.
 */
public interface PassTicketDefinitionResolver {

    /** The definition stored under exactly this profile name. */
    Optional<PassTicketDefinition> find(String profileName);

    /** Generation always uses the unqualified APPLID profile. */
    default Optional<PassTicketDefinition> forGeneration(String applid) {
        return find(applid);
    }

    /**
     * Evaluation tries the qualified profiles first, as RACF does:
     * {@code APPL.GROUP.USER}, {@code APPL.USER}, {@code APPL.GROUP}, then {@code APPL}.
     *
     * @param group the user's current group, or null when not known
     */
    default Optional<PassTicketDefinition> forEvaluation(String user, String group, String applid) {
        for (String name : evaluationOrder(user, group, applid)) {
            Optional<PassTicketDefinition> d = find(name);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    static List<String> evaluationOrder(String user, String group, String applid) {
        if (group == null || group.isEmpty()) {
            return List.of(applid + "." + user, applid);
        }
        return List.of(applid + "." + group + "." + user, applid + "." + user, applid + "." + group, applid);
    }
}
