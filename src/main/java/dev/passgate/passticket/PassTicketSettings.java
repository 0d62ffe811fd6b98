package dev.passgate.passticket;

import dev.passgate.settings.PassGateSettings;

/**
 * The PassTicket engine's node-wide settings. Profiles by configuration live under
 * {@link PropertiesDefinitionResolver#PREFIX}{@code <PROFILE>.*}, read by that resolver.
 */
public record PassTicketSettings(String replayPurgeCron) {

    /** Quartz cron for purging replay records of expired tickets (read by the replay-purge route). */
    public static final String REPLAY_PURGE_CRON = "passgate.passticket.replay-purge-cron";

    public static PassTicketSettings from(PassGateSettings s) {
        return new PassTicketSettings(s.string(REPLAY_PURGE_CRON));
    }
}
