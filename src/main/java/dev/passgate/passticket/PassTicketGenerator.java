package dev.passgate.passticket;

import java.time.Clock;

/**
 * Makes tickets for an application from its definition: the unqualified APPLID profile, or for a
 * ticket this node evaluates itself, the profile its evaluation will use.
 */
public final class PassTicketGenerator {

    private final PassTicketDefinitionResolver resolver;
    private final Clock clock;
    private final PassTicketEvents events;

    public PassTicketGenerator(PassTicketDefinitionResolver resolver, Clock clock) {
        this(resolver, clock, PassTicketEvents.NONE);
    }

    public PassTicketGenerator(PassTicketDefinitionResolver resolver, Clock clock, PassTicketEvents events) {
        this.resolver = resolver;
        this.clock = clock;
        this.events = events;
    }

    /** A ticket for the user at the application, valid from now. */
    public GeneratedTicket generate(String user, String applid) {
        return generate(user, applid, clock.instant().getEpochSecond());
    }

    /**
     * @throws IllegalArgumentException  a user ID or APPLID that breaks RACF's rules
     * @throws PassTicketSetupException the application has no definition or no key
     */
    public GeneratedTicket generate(String user, String applid, long epochSeconds) {
        String u = RacfName.normalize(user, "user ID");
        String a = RacfName.normalize(applid, "APPLID");
        return make(u, a, resolver.forGeneration(a), epochSeconds);
    }

    /**
     * A ticket for the user that this node will evaluate itself at once (a session's own security
     * environment): made with the definition evaluation picks for the user and group, a qualified
     * profile ({@code APPL.GROUP.USER}, {@code APPL.USER}, {@code APPL.GROUP}) where one exists, so
     * that a user with a key of their own still gets a session. Tickets for another system to
     * evaluate come from {@link #generate}, from the application's own profile.
     *
     * @param group the user's current group, or null when not known
     */
    public GeneratedTicket generateForEvaluation(String user, String group, String applid) {
        String u = RacfName.normalize(user, "user ID");
        String a = RacfName.normalize(applid, "APPLID");
        return make(u, a, resolver.forEvaluation(u, group, a), clock.instant().getEpochSecond());
    }

    private GeneratedTicket make(String u, String a, java.util.Optional<PassTicketDefinition> found, long epochSeconds) {
        PassTicketDefinition definition = found.orElseThrow(() -> new PassTicketSetupException(a,
                "no PassTicket definition for APPLID " + a + ": define PTKTDATA profile " + a
                        + " with SSIGNON(KEYMASKED(<16 hex digits>)) or SSIGNON(ENCRYPTKEY(<hex>)), or set passgate.passticket." + a
                        + ".legacy-key or .enhanced-key"));
        PassTicketAlgorithm algorithm = definition.generator().orElseThrow(() -> new PassTicketSetupException(a,
                "PTKTDATA profile " + definition.profile() + " has no key: add an SSIGNON segment with a legacy or"
                        + " enhanced key"));
        GeneratedTicket made = new GeneratedTicket(algorithm.generate(u, a, epochSeconds), u, a, algorithm.type(),
                epochSeconds);
        events.generated(u, a, made.type(), epochSeconds);
        return made;
    }
}
