package dev.passgate.jobs;

import dev.passgate.settings.PassGateSettings;
import dev.passgate.exit.LoginExits;
import dev.passgate.partner.ConnectionRegistry;
import dev.passgate.partner.PartnerInfoService;
import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.session.SessionRegistry;
import dev.passgate.daemon.DaemonSettings;
import dev.passgate.daemon.FailureRateLimiter;
import dev.passgate.protocol.ProtocolSettings;
import dev.passgate.session.SessionSettings;
import dev.passgate.passticket.RacfName;
import dev.passgate.protocol.JsonLines;
import dev.passgate.security.PassTicketEnvironments;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.server.TlsSettings;
import dev.passgate.session.SessionStore;
import dev.passgate.store.Jdbc;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job monitor, a second service on the shared APPLID: its store, runner, operations, the
 * {@code jobs:} component, the {@code jobs} miner ({@code direct:miner-jobs}) and its own
 * listener on {@code passgate.jobs.port}. Installed after the daemon, whose sessions, pools,
 * exits and partners it shares.
 */
public final class JobsModule {

    public static final String MONITOR = "passGateJobs";
    public static final String MINER = "jobsMiner";

    private static final Logger LOG = LoggerFactory.getLogger(JobsModule.class);

    private final JobMonitor monitor;

    public JobsModule(CamelContext context, PassGateSettings settings, SecurityRegistry security,
            LoginExits exits, ThreadPoolSelector pools, SessionRegistry sessions, ConnectionRegistry connections,
            PartnerInfoService partners, Clock clock) throws Exception {
        String daemonApplid = settings.applid();
        JobsSettings jobs = JobsSettings.from(settings);
        DaemonSettings daemon = DaemonSettings.from(settings);
        String applid = jobs.applid();
        JobStore store = new JobStore(new Jdbc(security.dataSource()), security.audit(), clock, settings.systemName());
        int left = store.failLeftBehind("node " + settings.systemName() + " restarted while the job was waiting or active");
        if (left > 0) {
            LOG.info("{} jobs left waiting or active by this node's previous run are now FAILED", left);
        }
        // Jobs and sessions run as their users from tickets for PassGate's own APPLID, as miners do.
        PassTicketEnvironments environments = new PassTicketEnvironments(security.passTicketGenerator(),
                security.verifier(), daemonApplid);
        JobRunner runner = new JobRunner(context, store, environments, jobs.threads(), jobs.maxQueued());
        monitor = new JobMonitor(store, new JobTemplates(context), runner, security.access(),
                security.audit());
        var registry = context.getRegistry();
        registry.bind(MONITOR, monitor);
        registry.bind(MINER, new JobsMiner(monitor));
        if (context.hasComponent("jobs") == null) {
            context.addComponent("jobs", new JobsComponent());
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // As the built-in miners' routes: a miner's error becomes the request's error reply.
                onException(Exception.class).handled(true).process("sessionError");
                from("direct:miner-jobs").routeId("miner-jobs").process(MINER);
            }
        });

        int maxLine = ProtocolSettings.from(settings).maxLineBytes();
        JsonLines lines = new JsonLines(maxLine);
        int port = jobs.port();
        AtomicInteger bound = new AtomicInteger();
        registry.bind(JobOperator.BEAN, new JobOperator(monitor, security.passTicketDefinitions(),
                security.passTicketGenerator(), security.passTicketEvaluator(), applid, daemonApplid, bound::get));
        JobMonitorLogon.Parts parts = new JobMonitorLogon.Parts(lines, security.verifier(), security.access(),
                security.passTicketEvaluator(), security.passTicketDefinitions(), exits,
                new FailureRateLimiter(daemon.maxFailuresPerMinute(), clock), environments,
                pools, sessions, new SessionStore(new Jdbc(security.dataSource()), security.audit(),
                        settings.systemName()), connections, bean(context, "scheduleIdleTimeout"),
                bean(context, "trustedLogon"), security.audit(), clock, context,
                SessionSettings.from(settings).idleTimeout().toSeconds());
        // TLS with the daemon's key and trust stores: clients trust one certificate for both services.
        Optional<TlsSettings> tls = jobs.tls() ? new DaemonSettings.Tls(true, daemon.tls().keystore(),
                daemon.tls().keystorePassword(), daemon.tls().truststore(), daemon.tls().truststorePassword(),
                daemon.tls().clientAuth()).load() : Optional.empty();
        ExecutorService logons = context.getExecutorServiceManager().newFixedThreadPool(JobsModule.class,
                "PassGateJobLogon", 4);
        JobMonitorListener listener = new JobMonitorListener(new JobMonitorLogon(parts, applid, daemonApplid, port),
                lines, context.createProducerTemplate(), security.audit()::sync, tls, maxLine,
                daemon.limits().loginGraceTime(), daemon.maxAttemptsPerConnection(), logons, partners,
                daemon.trustedLogon());

        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                listener.close();
                runner.close();
            }
        }, true, true);
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) throws Exception {
                if (event.getType() == CamelEvent.Type.CamelContextStarted) {
                    // Once the session routes run: a logon's session needs them at once.
                    if (port != 0) {
                        bound.set(listener.open(jobs.host(), port));
                    }
                    publishMeters(context, store);
                } else if (event.getType() == CamelEvent.Type.CamelContextStopping) {
                    listener.close();
                    runner.stopAll();
                }
            }
        });
    }

    /** Submit, list, cancel and purge jobs: what the jobs miner, the operator and the CLI use. */
    public JobMonitor monitor() {
        return monitor;
    }

    /** passgate_jobs{state}: the jobs in the store by state. */
    private static void publishMeters(CamelContext context, JobStore store) {
        MeterRegistry meters = context.getRegistry().lookupByNameAndType("passGateMeterRegistry", MeterRegistry.class);
        if (meters == null) {
            meters = context.getRegistry().findSingleByType(io.micrometer.prometheusmetrics.PrometheusMeterRegistry.class);
        }
        if (meters == null) {
            return;
        }
        for (JobState s : JobState.values()) {
            Gauge.builder("passgate.jobs", () -> store.count(s)).description("Jobs in the store by state")
                    .tag("state", s.name()).register(meters);
        }
    }

    private static Processor bean(CamelContext context, String name) {
        Processor p = context.getRegistry().lookupByNameAndType(name, Processor.class);
        if (p == null) {
            throw new IllegalStateException("the job monitor needs the daemon's " + name + " step: install the daemon first");
        }
        return p;
    }

}
