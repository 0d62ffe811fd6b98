package dev.passgate.daemon;

import dev.passgate.PassGateSettings;
import java.time.Duration;

/**
 * The daemon port's limits on connections that have not logged on yet (OpenSSH's MaxStartups and
 * LoginGraceTime): caps per remote address and in all, the absolute time a connection has to log
 * on, and the share of file descriptors kept free for clients already logged on. 0 turns a limit off.
 */
public record ConnectionLimits(int maxPerAddress, int maxTotal, Duration loginGraceTime, double descriptorReservePercent) {

    public static ConnectionLimits from(PassGateSettings settings) {
        return new ConnectionLimits(settings.integer("passgate.daemon.max-unauthenticated-per-address"),
                settings.integer("passgate.daemon.max-unauthenticated"),
                Duration.ofSeconds(settings.integer("passgate.daemon.login-grace-time")),
                Double.parseDouble(settings.string("passgate.daemon.descriptor-reserve-percent").trim()));
    }
}
