package dev.passgate.partner;

import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.SecurityRegistry;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.camel.BindToRegistry;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Trusted partners: joins the cluster at install and leaves it when stopping (after the daemon
 * and the sessions, whose connections it tracks). Binds the partner service and the
 * {@code partnerInfo} step and {@code partnerClientInitializer} that routes use.
 */
public final class PartnerModule extends ServiceSupport {

    public static final String PARTNERS = "passGatePartners";

    private final PartnerSetup cluster;

    /** @param endpoint where this node's daemon is reached ({@link NodeAddress#endpoint}), told to a node that asks for its name */
    public PartnerModule(SecurityRegistry security, PartnerSettings settings, String endpoint, Clock clock) {
        this.cluster = PartnerSetup.join(security, settings, endpoint, clock);
    }

    @BindToRegistry(PARTNERS)
    public PartnerInfoService passGatePartners() {
        return cluster.service();
    }

    @BindToRegistry("partnerInfo")
    public PartnerInfoProcessor partnerInfo() {
        return new PartnerInfoProcessor(cluster.service(), cluster::serviceIdentity);
    }

    @BindToRegistry("partnerClientInitializer")
    public PartnerClientInitializer partnerClientInitializer() {
        return new PartnerClientInitializer(cluster.service());
    }

    public PartnerInfoService service() {
        return cluster.service();
    }

    public ConnectionRegistry connections() {
        return cluster.connections();
    }

    /** The cluster's nodes, for the lost-node reaper. */
    public ClusterMembership membership() {
        return cluster.membership();
    }

    /** The node's service user, built on first use: what the daemon asks partner info as. */
    public Supplier<SecurityEnvironment> serviceIdentity() {
        return cluster::serviceIdentity;
    }

    @Override
    protected void doStop() {
        cluster.close();
    }
}
