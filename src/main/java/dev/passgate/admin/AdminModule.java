package dev.passgate.admin;

import dev.passgate.admin.command.ClusterCommands;
import dev.passgate.store.ClusterMessages;
import dev.passgate.daemon.DaemonModule;
import dev.passgate.daemon.DaemonSettings;
import dev.passgate.partner.PartnerModule;
import dev.passgate.partner.PartnerSettings;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.session.SessionModule;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import javax.management.ObjectName;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The operator's ways in and out: operator commands and IVPs ({@code passGateOperator}), the
 * loopback HTTP API, the JMX bean, and the meters and health checks ({@code passGateMetrics}),
 * published by {@link MetricsAndHealthPublisher} once the context runs. The top module: it
 * watches the daemon, sessions and partners but nothing below depends on it. Stops first.
 */
public final class AdminModule extends ServiceSupport {

    private final AdminSettings settings;
    private final Path dataDir;
    private final SecurityRegistry security;
    private final PassGateMetrics metrics = new PassGateMetrics();
    private final OperatorCommands operator;
    private final ObjectName mbean;
    private AdminHttpApi api;

    public AdminModule(CamelContext context, AdminSettings settings, String applid, String systemName, Path dataDir,
            DaemonSettings daemonSettings, PartnerSettings partnerSettings, SecurityRegistry security, Clock clock,
            ProducerTemplate template, SessionModule session, DaemonModule daemon, PartnerModule partners)
            throws Exception {
        this.settings = settings;
        this.dataDir = dataDir;
        this.security = security;
        metrics.watch(security.audit());
        metrics.watch(session.sessions(), daemon.pools(), session.clientIds());
        daemon.onLogon(metrics::logon);
        InstallationChecks ivp = new InstallationChecks(security.passTicketDefinitions(), security.passTicketGenerator(),
                security.passTicketEvaluator(), applid, daemonSettings.port());
        PartnerChecks partnerChecks = new PartnerChecks(partners.service().clusterView(), partnerSettings.cluster(),
                partnerSettings.tcpip(), partners.service().partnerInfoProfile(), security.access(),
                partners.serviceIdentity(), daemonSettings.trustedLogon());
        ClusterMessages messages = session.clusterMessages();
        this.operator = new OperatorCommands(session.sessions(), daemon.pools(), security.commands(), template,
                session.lines(), clock, ivp, partners.connections(), partnerChecks, security.audit(),
                new ClusterOperator(session.sessionStore(), messages, daemon.poolSnapshots(), systemName));
        ClusterCommands.listen(messages, operator.services());
        this.mbean = new ObjectName("dev.passgate:type=Operator,context=" + ObjectName.quote(context.getName()));
        context.getManagementStrategy().addEventNotifier(new MetricsAndHealthPublisher(context, metrics,
                PassGateHealthChecks.of(daemonSettings.host(), daemonSettings.port(), security.dataSource(),
                        daemon::setupProblem)));
    }

    @BindToRegistry("passGateMetrics")
    public PassGateMetrics passGateMetrics() {
        return metrics;
    }

    @BindToRegistry("passGateOperator")
    public OperatorCommands passGateOperator() {
        return operator;
    }

    /** The operator API's port once started (the setting may be 0: any free port); 0 before. */
    public int apiPort() {
        AdminHttpApi running = api;
        return running == null ? 0 : running.port();
    }

    @Override
    protected void doStart() throws Exception {
        api = new AdminHttpApi(operator, security.verifier(), security.access(), settings.port(), dataDir);
        var jmx = ManagementFactory.getPlatformMBeanServer();
        if (!jmx.isRegistered(mbean)) {
            jmx.registerMBean(new Operator(operator), mbean);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (api != null) {
            api.close();
        }
        var jmx = ManagementFactory.getPlatformMBeanServer();
        if (jmx.isRegistered(mbean)) {
            jmx.unregisterMBean(mbean);
        }
    }
}
