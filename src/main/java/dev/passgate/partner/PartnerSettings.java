package dev.passgate.partner;

import dev.passgate.settings.PassGateSettings;
import java.nio.file.Path;
import java.util.List;

/** The node's place in its cluster ({@code passgate.cluster.*}, the TCP/IP name and the system name). */
public record PartnerSettings(String cluster, String node, String tcpip, String addresses, List<String> internalNetworks,
        Path dataDir) {

    /** The cluster's name, in every UTOKEN; the first node on a database names it. */
    public static final String CLUSTER_NAME = "passgate.cluster.name";
    /** With the system name, names the SERVAUTH PARTNERINFO profile. */
    public static final String TCPIP_NAME = "passgate.tcpip.name";
    /** Addresses this node's connections come from; unset: every interface's. */
    public static final String ADDRESSES = "passgate.cluster.addresses";
    /** Networks (CIDR) whose partners count as internal. */
    public static final String INTERNAL_NETWORKS = "passgate.cluster.internal-networks";

    public static PartnerSettings from(PassGateSettings s) {
        return new PartnerSettings(s.string(CLUSTER_NAME), s.systemName(), s.string(TCPIP_NAME),
                s.find(ADDRESSES).orElse(""), s.list(INTERNAL_NETWORKS), s.dataDir());
    }
}
