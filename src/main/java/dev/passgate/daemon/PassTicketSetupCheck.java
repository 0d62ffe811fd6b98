package dev.passgate.daemon;

import dev.passgate.passticket.PassTicketDefinition;
import dev.passgate.passticket.PassTicketDefinitionResolver;
import java.util.Optional;

/**
 * Whether the daemon's APPLID can carry its sessions: a PTKTDATA profile with a key and
 * replay protection bypassed (the daemon makes several tickets a second for one user).
 * Used at start-up (to log advice) and on every logon (to fail with PASSTICKET_SETUP).
 */
public final class PassTicketSetupCheck {

    private final PassTicketDefinitionResolver definitions;
    private final String applid;

    public PassTicketSetupCheck(PassTicketDefinitionResolver definitions, String applid) {
        this.definitions = definitions;
        this.applid = applid;
    }

    /** What is wrong and what to define, or empty when the setup is right. */
    public Optional<String> problem() {
        Optional<PassTicketDefinition> d = definitions.forGeneration(applid);
        if (d.isEmpty()) {
            return Optional.of("no PTKTDATA profile " + applid + ": define it with RDEFINE PTKTDATA " + applid
                    + " SSIGNON(KEYMASKED(<16 hex digits>)) APPLDATA('NO REPLAY PROTECTION')");
        }
        if (!d.get().hasKey()) {
            return Optional.of("PTKTDATA profile " + applid + " has no key: RALTER PTKTDATA " + applid
                    + " SSIGNON(KEYMASKED(<16 hex digits>))");
        }
        if (!d.get().replayBypassed()) {
            return Optional.of("PTKTDATA profile " + applid + " has replay protection on, but the daemon needs several"
                    + " tickets a second per user: RALTER PTKTDATA " + applid + (d.get().hasEnhancedKey()
                            ? " SSIGNON(EPTREPLAY(YES))" : " APPLDATA('NO REPLAY PROTECTION')"));
        }
        return Optional.empty();
    }
}
