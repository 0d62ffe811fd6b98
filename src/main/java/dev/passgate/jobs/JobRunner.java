package dev.passgate.jobs;

import dev.passgate.security.PassTicketEnvironments;
import dev.passgate.security.VerifyResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on a bounded pool: {@code passgate.jobs.threads} at once, at most
 * {@code passgate.jobs.max-queued} more waiting (INPUT); a submit beyond that is refused
 * before anything is stored. Each job runs in its owner's own security environment, built
 * when it starts from a fresh PassTicket as a miner's is, and through camel-kamelet: its
 * route is made from the template for this one run and removed afterwards.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final CamelContext context;
    private final JobStore store;
    private final PassTicketEnvironments environments;
    private final ExecutorService pool;
    private final Semaphore places;
    private final ProducerTemplate template;
    private final Map<String, JobRun> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public JobRunner(CamelContext context, JobStore store, PassTicketEnvironments environments, int threads,
            int maxQueued) {
        this.context = context;
        this.store = store;
        this.environments = environments;
        this.pool = context.getExecutorServiceManager().newFixedThreadPool(this, "PassGateJob", threads);
        this.places = new Semaphore(threads + maxQueued);
        this.template = context.createProducerTemplate();
    }

    /** Takes a place for a job about to be submitted; false when the pool and its queue are full. */
    boolean reserve() {
        return !stopping && places.tryAcquire();
    }

    /** Gives back a place reserved for a submit that was not stored. */
    void unreserve() {
        places.release();
    }

    /** Starts a stored INPUT job on its reserved place. */
    void run(JobRun run, String uri) {
        running.put(run.job().id(), run);
        try {
            pool.execute(() -> execute(run, uri));
        } catch (RuntimeException e) {
            done(run);
            store.failUnstarted(run.job().id(), "PassGate is stopping");
        }
    }

    /** The job if it runs (or waits) on this node. */
    Optional<JobRun> running(String id) {
        return Optional.ofNullable(running.get(id));
    }

    Collection<JobRun> all() {
        return List.copyOf(running.values());
    }

    private void execute(JobRun run, String uri) {
        String id = run.job().id();
        try {
            if (run.stopped() || !store.start(id)) {
                return; // cancelled while it waited
            }
            VerifyResult env = environments.build(run.job().owner(), run.submitter().address());
            if (!env.success()) {
                store.finish(id, JobState.FAILED, null, "no security environment for " + run.job().owner() + ": "
                        + env.outcome());
                return;
            }
            run.environment(env.environment());
            Endpoint endpoint = context.getEndpoint(uri);
            Exchange exchange = endpoint.createExchange();
            exchange.setProperty(JobRun.PROPERTY, run);
            exchange.getMessage().setHeader(JobsHeaders.ID, id);
            exchange.getMessage().setHeader(JobsHeaders.OWNER, run.job().owner());
            exchange.getMessage().setHeader("PassGateUser", run.job().owner()); // passticket: steps make the owner's
            Exchange done = template.send(endpoint, exchange);
            end(run, done);
        } catch (RuntimeException e) {
            // The template could not make its route (a bad step, a missing bean): the job fails, the pool goes on.
            LOG.info("Job {} of {} could not run: {}", id, run.job().owner(), e.getClass().getSimpleName());
            store.finish(id, JobState.FAILED, null, "the template could not run: " + e.getClass().getSimpleName());
        } finally {
            removeRoute(id);
            done(run);
        }
    }

    private void end(JobRun run, Exchange done) {
        String id = run.job().id();
        Exception failure = done.getException();
        if (run.stopped() && (failure == null || failure instanceof JobCancelledException
                || failure.getCause() instanceof JobCancelledException)) {
            if (stopping) {
                store.finish(id, JobState.FAILED, null, "PassGate stopped while the job was active");
            }
            return; // a cancel already recorded CANCELLED
        }
        if (failure != null) {
            String reason = failure.getClass().getSimpleName() + (failure.getMessage() == null ? ""
                    : ": " + failure.getMessage());
            store.finish(id, JobState.FAILED, null, reason.length() <= 300 ? reason : reason.substring(0, 297) + "...");
            LOG.info("Job {} of {} failed: {}", id, run.job().owner(), failure.getClass().getSimpleName());
            return;
        }
        Integer rc = done.getMessage().getHeader(JobsHeaders.RC, 0, Integer.class);
        store.finish(id, JobState.OUTPUT, rc == null ? 0 : rc, null);
    }

    private void done(JobRun run) {
        if (running.remove(run.job().id(), run)) {
            places.release();
        }
        synchronized (running) {
            running.notifyAll();
        }
    }

    /**
     * PassGate is stopping: no more jobs start, the running ones are asked to stop at their next
     * jobs: step (they end FAILED, saying so) and are waited for a few seconds, before Camel's
     * graceful shutdown would wait for their routes much longer.
     */
    void stopAll() {
        stopping = true;
        running.values().forEach(r -> r.stop("PassGate is stopping"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (running) {
            while (!running.isEmpty() && System.nanoTime() < deadline) {
                try {
                    running.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The run's route and its endpoints go: a template makes a new route for every job. */
    private void removeRoute(String id) {
        String routeId = JobTemplates.routeId(id);
        try {
            if (context.getRoute(routeId) != null) {
                context.getRouteController().stopRoute(routeId, 5, TimeUnit.SECONDS);
                context.removeRoute(routeId);
            }
            for (Endpoint e : List.copyOf(context.getEndpoints())) {
                if (e.getEndpointUri().contains("/" + routeId) || e.getEndpointUri().endsWith("routeId=" + routeId)) {
                    context.removeEndpoint(e);
                }
            }
        } catch (Exception e) {
            LOG.debug("Route of job {} not removed: {}", id, e.toString());
        }
    }

    /** Stops taking jobs, asks the running ones to stop at their next jobs: step, and waits a little for them. */
    @Override
    public void close() {
        stopAll();
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        template.stop();
    }
}
