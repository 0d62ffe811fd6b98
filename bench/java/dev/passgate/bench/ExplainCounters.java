package dev.passgate.bench;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters the {@code --explain} instrumentation bumps. Public and dependency-free: the
 * harness puts this class on the boot class path, so that advice woven into JDK classes
 * (ThreadPoolExecutor) and into H2's and Netty's can all reach the one copy.
 */
public final class ExplainCounters {

    /** Statements handed to H2 to prepare (a JDBC prepareStatement or Statement.execute). */
    public static final LongAdder PREPARES = new LongAdder();
    /** Of those, the ones H2 parsed anew (not served from its session's query cache). */
    public static final LongAdder PARSES = new LongAdder();
    /** Statement executions (queries, updates, batches). */
    public static final LongAdder EXECUTIONS = new LongAdder();
    /** H2 commits, explicit or by autocommit. */
    public static final LongAdder COMMITS = new LongAdder();
    /** Tasks given to a ThreadPoolExecutor (PassGate's pools, Camel's, anyone's). */
    public static final LongAdder POOL_TASKS = new LongAdder();
    /** Tasks given to a Netty event loop or event executor. */
    public static final LongAdder EVENT_LOOP_TASKS = new LongAdder();

    /** Executions by SQL text (H2's Command prints its SQL). */
    public static final java.util.concurrent.ConcurrentHashMap<String, LongAdder> BY_SQL =
            new java.util.concurrent.ConcurrentHashMap<>();

    public static void executed(Object command) {
        EXECUTIONS.increment();
        String sql = String.valueOf(command);
        int parameters = sql.lastIndexOf(" {1: ");
        BY_SQL.computeIfAbsent(parameters < 0 ? sql : sql.substring(0, parameters), k -> new LongAdder()).increment();
    }

    private ExplainCounters() {
    }
}
