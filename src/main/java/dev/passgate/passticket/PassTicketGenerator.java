package dev.passgate.passticket;

import java.time.Clock;

/** Makes tickets for an application from its definition (the unqualified APPLID profile). */
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
        PassTicketDefinition definition = resolver.forGeneration(a).orElseThrow(() -> new PassTicketSetupException(a,
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
