package dev.passgate.admin;

import dev.passgate.partner.ClusterStore;
import dev.passgate.partner.ClusterView;
import dev.passgate.security.AccessChecker;
import dev.passgate.security.AccessLevel;
import dev.passgate.security.ProfileRecord;
import dev.passgate.security.SecurityBootstrap;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.racf.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * IVP PARTNER: is this node set up for trusted partners? Its cluster and security domain, the
 * other nodes' domains, the SERVAUTH profile that guards partner credentials, and, with trusted
 * logon on, the service user's READ on it; on a problem, the command that fixes it.
 */
public final class PartnerChecks {

    private final ClusterView cluster;
    private final String clusterName;
    private final String tcpip;
    private final String profile;
    private final AccessChecker access;
    private final Supplier<SecurityEnvironment> serviceIdentity;
    private final boolean trustedLogon;

    public PartnerChecks(ClusterView cluster, String clusterName, String tcpip, String profile, AccessChecker access,
            Supplier<SecurityEnvironment> serviceIdentity, boolean trustedLogon) {
        this.cluster = cluster;
        this.clusterName = clusterName;
        this.tcpip = tcpip;
        this.profile = profile;
        this.access = access;
        this.serviceIdentity = serviceIdentity;
        this.trustedLogon = trustedLogon;
    }

    public CommandResult run() {
        List<String> out = new ArrayList<>();
        int rc = 0;
        out.add("cluster " + clusterName + ", node " + cluster.node() + ", TCP/IP " + tcpip + " ... ok");
        List<ClusterStore.Node> nodes = cluster.store().nodes();
        out.add("nodes on this database ... " + nodes.stream().map(n -> n.name() + " (domain "
                + Objects.requireNonNullElse(n.domain(), "undefined") + ")").collect(Collectors.joining(", ")));
        if (cluster.domain() == null) {
            out.add("security domain (SERVAUTH EZBDOMAIN) ... UNDEFINED: credentials stay within this node."
                    + " RDEFINE SERVAUTH EZBDOMAIN APPLDATA('<domain>'), then restart the nodes");
            rc = Math.max(rc, nodes.size() > 1 ? 8 : 4);
        } else {
            out.add("security domain (SERVAUTH EZBDOMAIN) ... " + cluster.domain());
            List<String> others = nodes.stream().filter(n -> !cluster.domain().equals(n.domain()))
                    .map(ClusterStore.Node::name).toList();
            if (!others.isEmpty()) {
                out.add("domain of " + String.join(", ", others) + " ... DIFFERENT: no credentials cross to them;"
                        + " they read EZBDOMAIN at their start: restart them");
                rc = 8;
            }
        }
        Optional<ProfileRecord> guard = access.findProfile("SERVAUTH", profile);
        if (guard.isEmpty()) {
            out.add("SERVAUTH " + profile + " ... NO PROFILE: nobody may see partner credentials."
                    + " RDEFINE SERVAUTH " + profile + " UACC(NONE) and PERMIT it ACCESS(READ) to the servers");
            rc = Math.max(rc, trustedLogon ? 8 : 4);
        } else {
            out.add("SERVAUTH " + profile + " ... protected by " + guard.get().name());
        }
        if (trustedLogon) {
            boolean read = access.check(serviceIdentity.get(), "SERVAUTH", profile, AccessLevel.READ).allowed();
            out.add("trusted logon ... enabled; " + SecurityBootstrap.SERVICE_USER + (read ? " has READ"
                    : " lacks READ: PERMIT " + guard.map(ProfileRecord::name).orElse(profile) + " CLASS(SERVAUTH) ID("
                            + SecurityBootstrap.SERVICE_USER + ") ACCESS(READ)"));
            rc = read ? rc : 8;
        } else {
            out.add("trusted logon ... disabled (passgate.daemon.trusted-logon)");
        }
        out.add("IVP PARTNER " + (rc == 0 ? "passed" : rc == 4 ? "passed with warnings" : "FAILED"));
        return new CommandResult(rc, out);
    }
}
