package dev.passgate.partner;

import dev.passgate.settings.PassGateSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The node's place in its cluster ({@code passgate.cluster.*}, the TCP/IP name and the system name). */
public record PartnerSettings(String cluster, String node, String tcpip, String addresses, List<String> internalNetworks,
        Path dataDir, Duration heartbeatInterval, Duration nodeLostAfter) {

    /** The cluster's name, in every UTOKEN; the first node on a database names it. */
    public static final String CLUSTER_NAME = "passgate.cluster.name";
    /** With the system name, names the SERVAUTH PARTNERINFO profile. */
    public static final String TCPIP_NAME = "passgate.tcpip.name";
    /** Addresses this node's connections come from; unset: every interface's. */
    public static final String ADDRESSES = "passgate.cluster.addresses";
    /** Networks (CIDR) whose partners count as internal. */
    public static final String INTERNAL_NETWORKS = "passgate.cluster.internal-networks";

    /** Seconds between a node's heartbeats in the store. */
    public static final String HEARTBEAT_INTERVAL = "passgate.cluster.heartbeat-interval";
    /**
     * Seconds of silence, by the database's clock, after which the other nodes take a node for
     * lost: they log its sessions out, and its name is free for another node.
     */
    public static final String NODE_LOST_AFTER = "passgate.cluster.node-lost-after";

    /** When the cluster looks for lost nodes (Quartz cron): read by the {@code lost-node-reaper} route. */
    public static final String LOST_NODE_CHECK_CRON = "passgate.cluster.lost-node-check-cron";

    public PartnerSettings {
        if (heartbeatInterval.isZero() || heartbeatInterval.isNegative()) {
            throw new IllegalArgumentException(HEARTBEAT_INTERVAL + " must be at least 1 second");
        }
        if (nodeLostAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException(NODE_LOST_AFTER + " (" + nodeLostAfter.toSeconds() + " s) must be at"
                    + " least three heartbeats (" + HEARTBEAT_INTERVAL + " is " + heartbeatInterval.toSeconds()
                    + " s): a node late by one beat is not lost");
        }
    }

    public static PartnerSettings from(PassGateSettings s) {
        return new PartnerSettings(s.string(CLUSTER_NAME), s.systemName(), s.string(TCPIP_NAME),
                s.find(ADDRESSES).orElse(""), s.list(INTERNAL_NETWORKS), s.dataDir(), s.seconds(HEARTBEAT_INTERVAL),
                s.seconds(NODE_LOST_AFTER));
    }
}
