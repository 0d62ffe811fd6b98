package dev.passgate.bench;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.passgate.security.AuditLog;
import dev.passgate.store.GroupCommit;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code --explain}: what one cycle costs, counted over a measured window. Everything here is
 * bench-only: the counting is woven into H2, Netty and the JDK's thread pools by an agent the
 * harness attaches to itself, so PassGate's own code carries no counter.
 */
final class Explain {

    private static final String CLIENT_PREFIX = "client-";
    private static final Map<String, LongAdder> AUDIT = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    private Explain() {
    }

    /** Attaches the agent and weaves the counters in; call before anything loads H2 or Netty. */
    static void install() throws IOException {
        Instrumentation inst = ByteBuddyAgent.install();
        inst.appendToBootstrapClassLoaderSearch(new java.util.jar.JarFile(countersJar().toFile()));
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .ignore(nameStartsWith("net.bytebuddy."))
                .type(named("org.h2.engine.SessionLocal"))
                .transform((b, t, l, m, d) -> b.visit(Advice.to(CountPrepare.class).on(named("prepareLocal")))
                        .visit(Advice.to(CountCommit.class).on(named("commit").and(takesArguments(boolean.class)))))
                .type(named("org.h2.command.Parser"))
                .transform((b, t, l, m, d) -> b.visit(Advice.to(CountParse.class).on(named("prepareCommand"))))
                .type(named("org.h2.command.Command"))
                .transform((b, t, l, m, d) -> b.visit(Advice.to(CountExecution.class).on(
                        isPublic().and(named("executeQuery").or(named("executeUpdate")).or(named("executeBatchUpdate"))))))
                .type(named("java.util.concurrent.ThreadPoolExecutor"))
                .transform((b, t, l, m, d) -> b.visit(Advice.to(CountPoolTask.class).on(
                        named("execute").and(takesArguments(Runnable.class)))))
                .type(named("io.netty.util.concurrent.SingleThreadEventExecutor"))
                .transform((b, t, l, m, d) -> b.visit(Advice.to(CountLoopTask.class).on(
                        named("execute").and(takesArguments(Runnable.class))
                                .or(named("lazyExecute").and(takesArguments(Runnable.class))))))
                .installOn(inst);
        installed = true;
    }

    /** Counts the audit rows the log makes, by event. */
    static void watch(AuditLog audit) {
        audit.listen(e -> AUDIT.computeIfAbsent(e.event().name(), k -> new LongAdder()).increment());
    }

    /** The counters at one moment. */
    record Snapshot(long prepares, long parses, long executions, long h2Commits, long poolTasks, long loopTasks,
            GroupCommit.Stats store, Map<String, Long> audit, long[] alloc, long[] switches) {
    }

    static Snapshot take(GroupCommit commits) {
        Map<String, Long> audit = new TreeMap<>();
        AUDIT.forEach((k, v) -> audit.put(k, v.sum()));
        return new Snapshot(ExplainCounters.PREPARES.sum(), ExplainCounters.PARSES.sum(), ExplainCounters.EXECUTIONS.sum(),
                ExplainCounters.COMMITS.sum(), ExplainCounters.POOL_TASKS.sum(), ExplainCounters.EVENT_LOOP_TASKS.sum(),
                commits == null ? new GroupCommit.Stats(0, 0, 0, 0) : commits.stats(), audit, allocated(),
                contextSwitches());
    }

    static String header() {
        return "| clients | server | statements | prepares | parsed anew | H2 commits | group batches | forces |"
                + " pool tasks | event-loop tasks | ctx switches | KiB allocated | audit rows |"
                + "\n|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    /**
     * One table row of per-cycle figures between two snapshots, and the audit rows by event.
     *
     * @param onH2 false for a server whose store is not H2: the statement and commit counters are
     *     woven into H2 alone, and forces are H2's flushes into its file, so they are shown as n/a
     *     there rather than as a misleading 0
     */
    static String row(int clients, String server, Snapshot a, Snapshot b, long cycles, boolean onH2) {
        double n = Math.max(1, cycles);
        var store = b.store().since(a.store());
        Map<String, Long> audit = new TreeMap<>();
        b.audit().forEach((k, v) -> {
            long d = v - a.audit().getOrDefault(k, 0L);
            if (d > 0) {
                audit.put(k, d);
            }
        });
        long auditRows = audit.values().stream().mapToLong(Long::longValue).sum();
        String events = audit.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / n))
                .collect(Collectors.joining(", "));
        String sql = onH2 ? String.format(Locale.ROOT, "%.2f | %.2f | %.2f | %.2f", (b.executions() - a.executions()) / n,
                (b.prepares() - a.prepares()) / n, (b.parses() - a.parses()) / n, (b.h2Commits() - a.h2Commits()) / n)
                : "n/a | n/a | n/a | n/a";
        String forces = onH2 ? String.format(Locale.ROOT, "%.2f", store.forces() / n) : "n/a";
        return String.format(Locale.ROOT, "| %d | %s | %s | %.2f | %s | %.2f | %.2f | %.1f | %.1f | %.2f%s |",
                clients, server, sql, store.batches() / n, forces, (b.poolTasks() - a.poolTasks()) / n, (b.loopTasks() - a.loopTasks()) / n,
                (b.switches()[0] - a.switches()[0]) / n, (b.alloc()[0] - a.alloc()[0]) / n / 1024, auditRows / n,
                events.isEmpty() ? "" : " (" + events + ")");
    }

    /**
     * Syscalls per cycle, from {@code strace -c -f} attached to this process for one window
     * (clients and server share the process, so both sides are in it); null when strace cannot
     * attach here.
     */
    static String syscalls(Cycles.Cycle cycle, int clients, double seconds) throws Exception {
        Path out = Files.createTempFile("strace", ".txt");
        Process strace;
        try {
            strace = new ProcessBuilder("strace", "-c", "-f", "-o", out.toString(), "-p",
                    Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null;
        }
        Thread.sleep(1500); // attaching to every thread takes a moment
        if (!strace.isAlive()) {
            return null;
        }
        Cycles.Result r = Cycles.run(cycle, clients, seconds);
        strace.destroy(); // SIGTERM: strace detaches and writes its summary
        strace.waitFor(30, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(out);
        Files.deleteIfExists(out);
        long total = 0;
        List<String[]> top = new ArrayList<>();
        for (String l : lines) {
            String[] f = l.trim().split("\\s+");
            if (f.length >= 5 && f[0].matches("[0-9.]+") && !l.contains("total")) {
                top.add(new String[] {f[f.length - 1], f[3]});
            } else if (l.contains("total") && f.length >= 4) {
                total = Long.parseLong(f[3]);
            }
        }
        double n = Math.max(1, r.cycles());
        top.sort((x, y) -> Long.compare(Long.parseLong(y[1]), Long.parseLong(x[1])));
        String detail = top.stream().limit(8)
                .map(x -> String.format(Locale.ROOT, "%s %.1f", x[0], Long.parseLong(x[1]) / n))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%.1f syscalls per cycle (%d cycles under strace): %s", total / n, r.cycles(),
                detail);
    }

    /** The statements executed most since the given counts (a copy of an earlier {@link #bySql}), per cycle. */
    static String topStatements(Map<String, Long> earlier, long cycles, int limit) {
        double n = Math.max(1, cycles);
        return bySql().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - earlier.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .limit(limit)
                .map(e -> String.format(Locale.ROOT, "  %6.2f  %s", e.getValue() / n,
                        e.getKey().length() > 150 ? e.getKey().substring(0, 150) + "..." : e.getKey()))
                .collect(Collectors.joining("\n"));
    }

    static Map<String, Long> bySql() {
        Map<String, Long> m = new java.util.HashMap<>();
        ExplainCounters.BY_SQL.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    static boolean installed() {
        return installed;
    }

    static boolean isClient(String threadName) {
        return threadName.startsWith(CLIENT_PREFIX);
    }

    static String clientName(int index) {
        return CLIENT_PREFIX + index;
    }

    /** Bytes allocated so far by live threads: {server, clients}. Threads that ended take theirs with them. */
    private static long[] allocated() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = mx.getAllThreadIds();
        long[] bytes = mx.getThreadAllocatedBytes(ids);
        var infos = mx.getThreadInfo(ids);
        long[] sum = new long[2];
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && bytes[i] > 0) {
                sum[isClient(infos[i].getThreadName()) ? 1 : 0] += bytes[i];
            }
        }
        return sum;
    }

    /** Voluntary and involuntary context switches of live threads so far: {server, clients} (Linux). */
    private static long[] contextSwitches() {
        long[] sum = new long[2];
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(t.resolve("comm")).trim();
                    long n = 0;
                    for (String l : Files.readAllLines(t.resolve("status"))) {
                        if (l.startsWith("voluntary_ctxt_switches") || l.startsWith("nonvoluntary_ctxt_switches")) {
                            n += Long.parseLong(l.substring(l.indexOf(':') + 1).trim());
                        }
                    }
                    sum[isClient(name) ? 1 : 0] += n;
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            }
        } catch (IOException notLinux) {
            return new long[] {-1, -1};
        }
        return sum;
    }

    /** A jar holding {@link ExplainCounters}, for the boot class path. */
    private static Path countersJar() throws IOException {
        // by name: a class literal would load it here, from the application class path, before the boot copy exists
        String entry = "dev/passgate/bench/ExplainCounters.class";
        Path jar = Files.createTempFile("explain-counters", ".jar");
        jar.toFile().deleteOnExit();
        try (InputStream in = Explain.class.getClassLoader().getResourceAsStream(entry);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    public static final class CountPrepare {
        @Advice.OnMethodEnter
        static void enter() {
            ExplainCounters.PREPARES.increment();
        }
    }

    public static final class CountParse {
        @Advice.OnMethodEnter
        static void enter() {
            ExplainCounters.PARSES.increment();
        }
    }

    public static final class CountExecution {
        @Advice.OnMethodEnter
        static void enter(@Advice.This Object command) {
            ExplainCounters.executed(command);
        }
    }

    public static final class CountCommit {
        @Advice.OnMethodEnter
        static void enter() {
            ExplainCounters.COMMITS.increment();
        }
    }

    public static final class CountPoolTask {
        @Advice.OnMethodEnter
        static void enter() {
            ExplainCounters.POOL_TASKS.increment();
        }
    }

    public static final class CountLoopTask {
        @Advice.OnMethodEnter
        static void enter() {
            ExplainCounters.EVENT_LOOP_TASKS.increment();
        }
    }
}
