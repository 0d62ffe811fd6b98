package dev.passgate.admin;

import dev.passgate.pool.ThreadPool;
import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.security.AuditLog;
import dev.passgate.session.ClientIdRegistry;
import dev.passgate.session.SessionRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * PassGate's own meters: logons by outcome, active sessions, pools, pending handoffs,
 * PassTickets generated and evaluated (replays refused among them), login-exit rejections.
 *
 * <p>They live in a composite registry from the start; the registry that publishes them (the
 * Prometheus one camel-main serves on the management port at {@code /observe/metrics}, or
 * one PassGate makes for an embedding application) is added once the context has started.
 */
public final class PassGateMetrics {

    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    // Built once: logons and PassTickets count on every logon, where a builder per event is waste.
    private final Map<String, Counter> logons = new ConcurrentHashMap<>();
    private final Map<String, Counter> evaluated = new ConcurrentHashMap<>();
    private final Map<String, Counter> exitRejections = new ConcurrentHashMap<>();
    private final Counter generated = Counter.builder("passgate.passtickets.generated")
            .description("PassTickets generated").register(meters);
    private final Counter replaysRefused = Counter.builder("passgate.passtickets.replays.refused")
            .description("PassTickets refused as already used").register(meters);

    /** The registry PassGate's meters are in; add a publishing registry to it to see them. */
    public CompositeMeterRegistry meters() {
        return meters;
    }

    public void publishTo(MeterRegistry registry) {
        if (!meters.getRegistries().contains(registry)) {
            meters.add(registry);
        }
    }

    /** A logon ended: SUCCESS or the protocol error code it was answered with. */
    public void logon(String outcome) {
        logons.computeIfAbsent(outcome, o -> Counter.builder("passgate.logons")
                .description("Daemon logons by outcome (SUCCESS or the error code)").tag("outcome", o).register(meters))
                .increment();
    }

    public void watch(SessionRegistry sessions, ThreadPoolSelector pools, ClientIdRegistry<?> handoffs) {
        Gauge.builder("passgate.sessions.active", sessions, SessionRegistry::size).description("Sessions logged on")
                .register(meters);
        Gauge.builder("passgate.pools", pools, p -> p.pools().size()).description("Thread pools running")
                .register(meters);
        Gauge.builder("passgate.pool.clients", pools, sum(ThreadPool::clients)).description("Clients in all pools")
                .register(meters);
        Gauge.builder("passgate.pool.threads.active", pools, sum(ThreadPool::activeThreads))
                .description("Pool threads running a request now").register(meters);
        Gauge.builder("passgate.handoffs.pending", handoffs, ClientIdRegistry::size)
                .description("Logons whose client has not reconnected yet").register(meters);
    }

    private static ToDoubleFunction<ThreadPoolSelector> sum(ToDoubleFunction<ThreadPool> of) {
        return selector -> selector.pools().stream().mapToDouble(of).sum();
    }

    /**
     * Counts from the audit trail, which sees every PassTicket made or checked for someone and every
     * exit rejection (PassGate's own tickets for a session's environments are in one SESSION_ENVIRONMENTS record).
     */
    public void watch(AuditLog audit) {
        audit.listen(e -> {
            switch (e.event()) {
                case PTKT_GENERATE -> generated.increment();
                case PTKT_EVALUATE -> {
                    evaluated.computeIfAbsent(e.outcome(), o -> Counter.builder("passgate.passtickets.evaluated")
                            .description("PassTickets evaluated, by outcome").tag("outcome", o).register(meters))
                            .increment();
                    if ("REPLAYED".equals(e.outcome())) {
                        replaysRefused.increment();
                    }
                }
                case EXIT -> exitRejections.computeIfAbsent(e.outcome(), r -> Counter.builder("passgate.exit.rejections")
                        .description("Requests a login or file-security exit failed").tag("result", r).register(meters))
                        .increment();
                default -> {
                    // other events are not counted
                }
            }
        });
    }
}
