package dev.passgate.session;

import dev.passgate.settings.PassGateSettings;
import java.time.Duration;
import java.util.List;

/** A session's life ({@code passgate.session.*}) and the miners each one starts. */
public record SessionSettings(Duration idleTimeout, boolean singleLogon, List<String> miners) {

    /** Seconds of inactivity before a session ends with a timeout event (0: never). */
    public static final String IDLE_TIMEOUT = "passgate.session.idle-timeout";
    /** A new session of a user ends the user's older ones. */
    public static final String SINGLE_LOGON = "passgate.session.single-logon";
    /** Miners started for each session, each a route on direct:miner-&lt;name&gt;. */
    public static final String MINERS = "passgate.miners";

    public static SessionSettings from(PassGateSettings s) {
        return new SessionSettings(s.seconds(IDLE_TIMEOUT), s.flag(SINGLE_LOGON), s.list(MINERS));
    }
}
