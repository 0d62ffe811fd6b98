package dev.passgate.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The daemon's load harness (not part of the test run):
 *
 * <pre>mvn -Pbench -DskipTests package exec:exec@load [-Dload.args="--seconds 10 --idle 19000"]</pre>
 *
 * <ol>
 * <li>complete cycles per second (logon, reconnect, one files.list, logout) at 1, 16 and
 *     64 concurrent clients, with p50/p99 latency;</li>
 * <li>the same for the physical floor ({@link FloorServer}: the flow's socket work and no logic), driven
 *     by the same client in the same run: PassGate/floor is what PassGate's logic costs;</li>
 * <li>the same for Apache FtpServer 1.2.1 with commons-net clients (connect, USER/PASS,
 *     PASV, LIST, QUIT), same concurrency, same machine, same moment: the ratio is the figure;</li>
 * <li>with {@code --explain}, per cycle: SQL statements (parsed anew or from H2's cache), commits,
 *     forces, audit rows by event, thread hand-offs, bytes allocated and syscalls;</li>
 * <li>idle sessions held open by client processes, and the server's heap per session;</li>
 * <li>idle-timer lateness ({@code --timeouts N}): N idle sessions, and how late after its
 *     deadline each one is ended.</li>
 * </ol>
 *
 * <p>{@code --stores h2,postgres} runs every PassGate measurement on each store in turn (one node on
 * a PostgreSQL 15 the harness starts and stops, see {@link BenchPostgres}), beside the same floor
 * and FtpServer, and adds a table with a row per store; {@code --levels none} skips the
 * throughput levels.
 */
public final class LoadHarness {

    public static void main(String[] args) throws Exception {
        double seconds = 10;
        int idle = 19_000;
        int[] levels = {1, 16, 64};
        int timeouts = 10_000;
        int idleTimeout = 30;
        double warmup = 300;
        boolean explain = false;
        List<BenchStore> stores = List.of(BenchStore.H2);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--idle" -> idle = Integer.parseInt(args[++i]);
                case "--timeouts" -> timeouts = Integer.parseInt(args[++i]);
                case "--idle-timeout" -> idleTimeout = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--levels" -> levels = levels(args[++i]);
                case "--stores" -> stores = BenchStore.parse(args[++i]);
                case "--explain" -> explain = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "JVM %s, %d cores, max heap %d MiB, load average %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        if (explain) {
            // before anything loads H2 or Netty; the counting slows every cycle a little, so
            // the throughput table of an --explain run is not the one to quote
            Explain.install();
        }

        // null (nothing to close) unless a PassGate goes on PostgreSQL; stopped after the last of them
        try (BenchPostgres postgres = stores.contains(BenchStore.POSTGRES) ? startPostgres() : null) {
            if (levels.length > 0 || idle > 0) {
                throughput(stores, postgres, levels, seconds, warmup, idle, explain);
            }
            System.out.println("Load average at the end: " + loadAverage());
            if (timeouts > 0) {
                for (BenchStore store : stores) {
                    waitForTimeWaitToDrain();
                    timerPrecision(store, postgres, timeouts, idleTimeout);
                }
            }
        }
    }

    /** "1,16,64", or "none" for a run of idle sessions or timeouts alone. */
    private static int[] levels(String list) {
        if (list.equals("none")) {
            return new int[0];
        }
        return java.util.Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static BenchPostgres startPostgres() throws java.io.IOException {
        var log = java.nio.file.Path.of(System.getProperty("bench.postgres.log", "target/bench/postgres.log"));
        BenchPostgres postgres = BenchPostgres.start(log);
        System.out.println("PostgreSQL 15 (embedded, fsync and synchronous_commit on), its log in " + postgres.log);
        return postgres;
    }

    /**
     * One PassGate per store, all running for the whole window; at each level each store's
     * PassGate, then the floor, then FtpServer are driven in turn, so a store's ratio to the
     * floor compares two measurements a few seconds apart, whatever the machine's load does.
     */
    private static void throughput(List<BenchStore> stores, BenchPostgres postgres, int[] levels, double seconds,
            double warmup, int idle, boolean explain) throws Exception {
        List<BenchServer> gates = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        List<String> durability = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        java.util.Map<String, List<Cycles.Result>> byServer = new java.util.LinkedHashMap<>();
        try (FloorServer floor = new FloorServer(); FtpPeer ftp = new FtpPeer(); AutoCloseable closeGates = () -> closeAll(gates)) {
            for (BenchStore store : stores) {
                gates.add(BenchServer.on(store, postgres, 0));
            }
            byServer.put("floor", new ArrayList<>());
            for (BenchServer gate : gates) {
                byServer.put(gate.store.label(), new ArrayList<>());
                if (explain) {
                    Explain.watch(gate.passGate.security().audit());
                }
            }
            warmUp(gates, levels.length > 0 ? Math.min(16, levels[levels.length - 1]) : 4, warmup);
            Cycles.run(() -> PassGateClient.cycle(floor.port), 4, Math.min(5, seconds));
            Cycles.run(() -> FtpPeer.cycle(ftp.port), 4, Math.min(5, seconds));
            for (int level = 0; level < levels.length; level++) {
                int clients = levels[level];
                java.util.Map<BenchServer, Cycles.Result> passGate = new java.util.HashMap<>();
                // every other level in reverse order: the JIT still improves the code a little as the
                // run goes on, and no store should always be measured on the warmer side
                List<BenchServer> order = new ArrayList<>(gates);
                if (level % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (BenchServer gate : order) {
                    waitForTimeWaitToDrain();
                    var commits = gate.passGate.security().audit().commits();
                    var before = commits.stats();
                    var explainBefore = explain ? Explain.take(commits) : null;
                    var sqlBefore = explain ? Explain.bySql() : null;
                    long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                    Cycles.Result p = Cycles.run(() -> PassGateClient.cycle(gate.port), clients, seconds);
                    double jitSeconds = (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore) / 1e3;
                    passGate.put(gate, p);
                    byServer.get(gate.store.label()).add(p);
                    boolean onH2 = gate.store != BenchStore.POSTGRES;
                    if (explain) {
                        explained.add(Explain.row(clients, "PassGate " + gate.store.label(), explainBefore,
                                Explain.take(commits), p.cycles(), onH2));
                        if (gate.store == BenchStore.H2) {
                            statements.add("Statements executed per cycle at " + clients + " clients (most first):\n"
                                    + Explain.topStatements(sqlBefore, p.cycles(), 25));
                        }
                    }
                    var store = commits.stats().since(before);
                    // forces are H2's own flushes into its file; PostgreSQL's server makes its WAL durable itself
                    String forces = onH2 ? String.format(Locale.ROOT, "%5.2f | %6.0f",
                            (double) store.forces() / Math.max(1, p.cycles()),
                            store.forceNanos() / 1e3 / Math.max(1, store.forces())) : "  n/a |    n/a";
                    durability.add(String.format(Locale.ROOT, "| %3d | %-11s | %5.1f | %5.2f | %s | %5.1f |", clients,
                            gate.store.label(), (double) store.writes() / Math.max(1, p.cycles()),
                            (double) store.batches() / Math.max(1, p.cycles()), forces, jitSeconds));
                }
                waitForTimeWaitToDrain();
                var floorBefore = explain ? Explain.take(null) : null;
                Cycles.Result fl = Cycles.run(() -> PassGateClient.cycle(floor.port), clients, seconds);
                byServer.get("floor").add(fl);
                if (explain) {
                    explained.add(Explain.row(clients, "floor", floorBefore, Explain.take(null), fl.cycles(), true));
                }
                waitForTimeWaitToDrain();
                Cycles.Result f = Cycles.run(() -> FtpPeer.cycle(ftp.port), clients, seconds);
                for (int g = 0; g < gates.size(); g++) {
                    Cycles.Result p = passGate.get(gates.get(g));
                    rows.add(String.format(Locale.ROOT,
                            "| %3d | %-11s | %8.0f | %6.2f | %8.0f | %6.2f | %8.0f | %6.2f | %5.2fx | %5.1fx | %d/%d/%d |",
                            clients, gates.get(g).store.label(), p.perSecond(), p.p50Millis(), fl.perSecond(), fl.p50Millis(),
                            f.perSecond(), f.p50Millis(), p.perSecond() / fl.perSecond(), p.perSecond() / f.perSecond(),
                            p.failures(), fl.failures(), f.failures()));
                }
            }
            if (levels.length > 0) {
                System.out.println();
                System.out.println("| clients | store | PassGate cycles/s | p50 ms | floor cycles/s | p50 ms | FtpServer cycles/s"
                        + " | p50 ms | PassGate/floor | PassGate/FtpServer | failures P/floor/F |");
                System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
                rows.forEach(System.out::println);
                System.out.println();
                System.out.println("By store (cycles/s at each level, and the ratio to the floor measured at that level):");
                System.out.println(storeTable(levels, byServer));
                if (byServer.containsKey(BenchStore.H2.label()) && byServer.containsKey(BenchStore.H2_UNFORCED.label())) {
                    System.out.println(durabilityCost(levels, byServer.get(BenchStore.H2.label()),
                            byServer.get(BenchStore.H2_UNFORCED.label())));
                }
                System.out.println("Store writes (group commit) per PassGate level:");
                System.out.println("| clients | store | writes per cycle | commits per cycle | forces into the file per cycle"
                        + " | us per force | JIT compile s in the window |");
                System.out.println("|---|---|---|---|---|---|---|");
                durability.forEach(System.out::println);
                System.out.println();
            }
            if (explain && levels.length > 0) {
                statements.forEach(System.out::println);
                System.out.println();
                explain(gates.get(0), floor, levels, seconds, explained);
            }
            if (idle > 0) {
                for (BenchServer gate : gates) {
                    idleSessions(gate, idle, explain);
                }
            }
        }
    }

    /**
     * Runs cycles on each PassGate until the JIT has compiled the hot path: on two cores C2 needs
     * a minute or more (H2's MVMap.operate alone takes seconds to compile), and a level measured
     * before that measures the compiler as much as PassGate. Rounds of ten seconds on each PassGate
     * in turn, until a round's compiling took under a tenth of its time or {@code seconds} are
     * spent; the floor and FtpServer, with little code, are warm at once.
     */
    private static void warmUp(List<BenchServer> gates, int clients, double seconds) throws Exception {
        if (gates.isEmpty()) {
            return;
        }
        var jit = ManagementFactory.getCompilationMXBean();
        double spent = 0;
        double roundJit;
        int rounds = 0;
        do {
            long before = jit.getTotalCompilationTime();
            long started = System.nanoTime();
            for (BenchServer gate : gates) {
                Cycles.run(() -> PassGateClient.cycle(gate.port), clients, 10);
            }
            double round = (System.nanoTime() - started) / 1e9;
            roundJit = (jit.getTotalCompilationTime() - before) / 1e3;
            spent += round;
            rounds++;
            if (roundJit < round / 10) {
                break;
            }
        } while (spent < seconds);
        System.out.printf(Locale.ROOT, "Warm-up: %d rounds of 10 s at %d clients on each PassGate (%.0f s); JIT compile"
                + " time in the last round: %.1f s%n", rounds, clients, spent, roundJit);
    }

    /**
     * What durable acknowledgments cost on H2: the default against the same PassGate with
     * {@code passgate.store.durable-acks=false}, measured side by side at each level.
     */
    private static String durabilityCost(int[] levels, List<Cycles.Result> durable, List<Cycles.Result> unforced) {
        StringBuilder t = new StringBuilder("What durable acknowledgments cost on H2 (h2 against h2-unforced, same run):\n");
        t.append("| clients | durable cycles/s | unforced cycles/s | cost |\n|---|---|---|---|\n");
        for (int i = 0; i < levels.length; i++) {
            double d = durable.get(i).perSecond();
            double u = unforced.get(i).perSecond();
            t.append(String.format(Locale.ROOT, "| %3d | %8.0f | %8.0f | %5.1f %% |%n", levels[i], d, u, 100 * (1 - d / u)));
        }
        return t.toString();
    }

    /** A row per server (the floor first, then each store), a column pair per level. */
    private static String storeTable(int[] levels, java.util.Map<String, List<Cycles.Result>> byServer) {
        StringBuilder t = new StringBuilder("| server |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int clients : levels) {
            t.append(String.format(Locale.ROOT, " %d clients cycles/s | /floor |", clients));
            rule.append("---|---|");
        }
        t.append('\n').append(rule).append('\n');
        List<Cycles.Result> floor = byServer.get("floor");
        byServer.forEach((server, results) -> {
            t.append(String.format(Locale.ROOT, "| %-20s |", server.equals("floor") ? "floor" : "PassGate on " + server));
            for (int i = 0; i < results.size(); i++) {
                t.append(String.format(Locale.ROOT, " %8.0f | %5.2fx |", results.get(i).perSecond(),
                        results.get(i).perSecond() / floor.get(i).perSecond()));
            }
            t.append('\n');
        });
        return t.toString();
    }

    private static void closeAll(List<BenchServer> gates) throws Exception {
        Exception first = null;
        for (BenchServer gate : gates) {
            try {
                gate.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Prints the per-cycle counts of the measured windows, then syscalls from a window of its own under strace. */
    private static void explain(BenchServer pg, FloorServer floor, int[] levels, double seconds, List<String> explained)
            throws Exception {
        System.out.println("--explain: per cycle, over each level's measured window; ctx switches and allocations are"
                + " the server's (the JVM's threads that outlive the window: the bench clients' end with it)");
        System.out.println(Explain.header());
        explained.forEach(System.out::println);
        System.out.println();
        int clients = levels[levels.length - 1];
        double window = Math.min(3, seconds);
        waitForTimeWaitToDrain();
        String pgCalls = Explain.syscalls(() -> PassGateClient.cycle(pg.port), clients, window);
        if (pgCalls == null) {
            System.out.println("Syscalls: strace is not available or cannot attach to this process here");
            return;
        }
        waitForTimeWaitToDrain();
        String floorCalls = Explain.syscalls(() -> PassGateClient.cycle(floor.port), clients, window);
        System.out.printf(Locale.ROOT, "Syscalls at %d clients, clients and server together: PassGate %s%n", clients, pgCalls);
        System.out.printf(Locale.ROOT, "Syscalls at %d clients, clients and server together: floor %s%n", clients, floorCalls);
        System.out.println();
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * Idle timeouts with many sessions: opens the sessions, leaves them idle, and measures
     * how late after its deadline (last activity + idle timeout) each one is ended. The peak
     * of sessions held at once says whether all of them were open together: where opening
     * takes longer than the timeout, the first end before the last are open, and
     * {@code --idle-timeout} must be raised for the figure to mean "at N sessions".
     */
    private static void timerPrecision(BenchStore store, BenchPostgres postgres, int total, int idleSeconds)
            throws Exception {
        try (BenchServer gate = BenchServer.on(store, postgres, idleSeconds)) {
            var registry = gate.passGate.daemon().sessions();
            java.util.Map<String, Long> deadlines = new java.util.HashMap<>();
            var opened = new java.util.concurrent.atomic.AtomicInteger();
            var failed = new java.util.concurrent.atomic.AtomicInteger();
            var ready = new java.util.concurrent.CountDownLatch(2);
            long started = System.currentTimeMillis();
            List<Process> clients = startClients(gate.port, total, opened, failed, ready);
            List<Long> late = new ArrayList<>();
            int peak = 0;
            long peakFds = 0;
            long latestDeadline = Long.MAX_VALUE;
            long openedIn = -1;
            // long enough for a slow machine to open them all; ended sooner once every session has
            long giveUpAt = started + (idleSeconds + 1_800) * 1000L;
            while (System.currentTimeMillis() < giveUpAt) {
                long now = System.currentTimeMillis();
                java.util.Set<String> live = new java.util.HashSet<>();
                for (var s : registry.all()) {
                    live.add(s.id());
                    deadlines.putIfAbsent(s.id(), s.lastActivity() + idleSeconds * 1000L);
                }
                peak = Math.max(peak, live.size());
                peakFds = Math.max(peakFds, openFdCount());
                for (var it = deadlines.entrySet().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    if (!live.contains(e.getKey())) {
                        late.add(now - e.getValue());
                        it.remove();
                    }
                }
                boolean allOpened = ready.getCount() == 0;
                if (allOpened && latestDeadline == Long.MAX_VALUE) {
                    openedIn = now - started;
                    latestDeadline = now + idleSeconds * 1000L; // no session can be due later than this
                }
                if (allOpened && (deadlines.isEmpty() || now > latestDeadline + 60_000)) {
                    break;
                }
                Thread.sleep(50);
            }
            late.sort(null);
            System.out.printf(Locale.ROOT, "Idle timeouts on %s (%d s): clients opened %d of %d sessions (%d failed) in %.1f s,"
                    + " at most %d held at once, at most %d descriptors open in the server's process%n", store.label(),
                    idleSeconds, opened.get(), total, failed.get(), openedIn / 1e3, peak, peakFds);
            System.out.printf(Locale.ROOT, "Idle timeouts on %s: %d sessions ended; lateness after the deadline: p50 %d ms,"
                    + " p99 %d ms, max %d ms (polled every 50 ms)%n", store.label(), late.size(),
                    late.isEmpty() ? -1 : late.get(late.size() / 2), late.isEmpty() ? -1 : late.get((int) (late.size() * 0.99)),
                    late.isEmpty() ? -1 : late.get(late.size() - 1));
            for (Process p : clients) {
                p.getOutputStream().close();
                p.waitFor();
            }
        }
    }

    /** Two client processes of half the sessions each; counts what they report once they have opened theirs. */
    private static List<Process> startClients(int port, int total, java.util.concurrent.atomic.AtomicInteger opened,
            java.util.concurrent.atomic.AtomicInteger failed, java.util.concurrent.CountDownLatch ready) throws Exception {
        List<Process> clients = new ArrayList<>();
        String java = System.getProperty("java.home") + "/bin/java";
        for (int c = 0; c < 2; c++) {
            Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    IdleClients.class.getName(), Integer.toString(port), Integer.toString(total / 2 + (c == 0 ? total % 2 : 0)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            clients.add(p);
            Thread reader = new Thread(() -> {
                try {
                    String line = new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
                    String[] parts = line == null ? new String[] {"", "0", "0"} : line.split(" ");
                    opened.addAndGet(Integer.parseInt(parts[1]));
                    failed.addAndGet(Integer.parseInt(parts[2]));
                } catch (java.io.IOException e) {
                    System.err.println("idle client: " + e);
                } finally {
                    ready.countDown();
                }
            }, "idle-client-reader");
            reader.setDaemon(true);
            reader.start();
        }
        return clients;
    }

    private static void idleSessions(BenchServer pg, int total, boolean explain) throws Exception {
        long before = settledHeap();
        long rssBefore = residentKiB();
        HeapHistogram histogramBefore = explain ? HeapHistogram.take() : null;
        int children = 2;
        List<Process> clients = new ArrayList<>();
        String java = System.getProperty("java.home") + "/bin/java";
        for (int c = 0; c < children; c++) {
            clients.add(new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    IdleClients.class.getName(), Integer.toString(pg.port), Integer.toString(total / children))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        int ready = 0;
        int failed = 0;
        for (Process p : clients) {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
            String[] parts = line == null ? new String[] {"", "0", "0"} : line.split(" ");
            ready += Integer.parseInt(parts[1]);
            failed += Integer.parseInt(parts[2]);
        }
        int held = pg.passGate.daemon().sessions().size();
        long after = usedHeapAfterGc();
        double perSession = (after - before) / (double) Math.max(1, held);
        System.out.printf(Locale.ROOT, "Idle sessions held on %s: %d (clients opened %d, %d failed); server heap %d MiB -> %d MiB,"
                + " %.1f KiB per session; a 1 GiB heap holds about %.0f such sessions%n", pg.store.label(), held, ready, failed,
                before >> 20, after >> 20, perSession / 1024, (1L << 30) / perSession);
        long rss = residentKiB();
        System.out.printf(Locale.ROOT, "Resident memory of the server process (VmRSS): %d MiB -> %d MiB with %d idle sessions%n",
                rssBefore >> 10, rss >> 10, held);
        System.out.println("Open file descriptors of the server process: " + openFds());
        if (explain) {
            System.out.println("What each idle session keeps on the heap (live objects, by class, most bytes first):");
            System.out.println(HeapHistogram.take().growthPer(histogramBefore, Math.max(1, held), 60));
        }
        for (Process p : clients) {
            p.getOutputStream().close();
            p.waitFor();
        }
    }

    /**
     * Each cycle leaves TIME_WAIT sockets behind for 60 s; with a few thousand cycles a second
     * they crowd the ephemeral port range and slow every connect. Each level starts with
     * fewer than 2,000 of them, so one level's debris does not tax the next (or the peer).
     */
    private static void waitForTimeWaitToDrain() throws Exception {
        for (int i = 0; i < 90; i++) {
            long timeWait;
            try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/net/tcp"))) {
                timeWait = lines.skip(1).map(l -> l.trim().split("\\s+")).filter(f -> f.length > 3 && f[3].equals("06")).count();
            } catch (java.io.IOException e) {
                return; // not Linux: nothing to wait for
            }
            if (timeWait < 2_000) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    /**
     * The heap in use once what the cycles before left behind is gone: read after a GC until two
     * readings a second apart agree within 1 MiB (at most 30 s). Read at once, it can still hold
     * tens of MiB that die a few seconds later, and the per-session figure comes out far too small.
     */
    private static long settledHeap() throws InterruptedException {
        long last = usedHeapAfterGc();
        for (int i = 0; i < 30; i++) {
            Thread.sleep(1000);
            long now = usedHeapAfterGc();
            if (Math.abs(now - last) < (1 << 20)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The process's resident set in KiB, from /proc; -1 where there is none. */
    private static long residentKiB() {
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static long openFdCount() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount() : -1;
    }

    private static String openFds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getOpenFileDescriptorCount() + " of " + unix.getMaxFileDescriptorCount();
        }
        return "unknown";
    }
}
