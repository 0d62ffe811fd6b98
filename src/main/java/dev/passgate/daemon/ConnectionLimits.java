package dev.passgate.daemon;

import java.time.Duration;

/**
 * The daemon port's limits on connections that have not logged on yet (OpenSSH's MaxStartups and
 * LoginGraceTime): caps per remote address and in all, the absolute time a connection has to log
 * on, and the share of file descriptors kept free for clients already logged on. 0 turns a limit off.
 * {@link DaemonSettings} reads them.
 */
public record ConnectionLimits(int maxPerAddress, int maxTotal, Duration loginGraceTime, double descriptorReservePercent) {
}
