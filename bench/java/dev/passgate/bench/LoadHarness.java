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
 * <li>idle sessions held open by client processes, and the server's heap per session.</li>
 * </ol>
 */
public final class LoadHarness {

    public static void main(String[] args) throws Exception {
        double seconds = 10;
        int idle = 19_000;
        int[] levels = {1, 16, 64};
        int timeouts = 10_000;
        boolean explain = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--idle" -> idle = Integer.parseInt(args[++i]);
                case "--timeouts" -> timeouts = Integer.parseInt(args[++i]);
                case "--levels" -> levels = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
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

        List<String> rows = new ArrayList<>();
        List<String> durability = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        try (BenchServer pg = new BenchServer(); FloorServer floor = new FloorServer(); FtpPeer ftp = new FtpPeer()) {
            if (explain) {
                Explain.watch(pg.passGate.security().audit());
            }
            Cycles.run(() -> PassGateClient.cycle(pg.port), 4, Math.min(5, seconds)); // warm-up
            Cycles.run(() -> PassGateClient.cycle(floor.port), 4, Math.min(5, seconds));
            Cycles.run(() -> FtpPeer.cycle(ftp.port), 4, Math.min(5, seconds));
            for (int clients : levels) {
                waitForTimeWaitToDrain();
                var commits = pg.passGate.security().audit().commits();
                var before = commits.stats();
                var explainBefore = explain ? Explain.take(commits) : null;
                var sqlBefore = explain ? Explain.bySql() : null;
                Cycles.Result p = Cycles.run(() -> PassGateClient.cycle(pg.port), clients, seconds);
                if (explain) {
                    explained.add(Explain.row(clients, "PassGate", explainBefore, Explain.take(commits), p.cycles()));
                    statements.add("Statements executed per cycle at " + clients + " clients (most first):\n"
                            + Explain.topStatements(sqlBefore, p.cycles(), 25));
                }
                var store = commits.stats().since(before);
                durability.add(String.format(Locale.ROOT, "| %3d | %5.1f | %5.2f | %5.2f | %6.0f |", clients,
                        (double) store.writes() / Math.max(1, p.cycles()),
                        (double) store.batches() / Math.max(1, p.cycles()),
                        (double) store.forces() / Math.max(1, p.cycles()),
                        store.forceNanos() / 1e3 / Math.max(1, store.forces())));
                waitForTimeWaitToDrain();
                var floorBefore = explain ? Explain.take(null) : null;
                Cycles.Result fl = Cycles.run(() -> PassGateClient.cycle(floor.port), clients, seconds);
                if (explain) {
                    explained.add(Explain.row(clients, "floor", floorBefore, Explain.take(null), fl.cycles()));
                }
                waitForTimeWaitToDrain();
                Cycles.Result f = Cycles.run(() -> FtpPeer.cycle(ftp.port), clients, seconds);
                rows.add(String.format(Locale.ROOT,
                        "| %3d | %8.0f | %6.2f | %8.0f | %6.2f | %8.0f | %6.2f | %5.2fx | %5.1fx | %d/%d/%d |",
                        clients, p.perSecond(), p.p50Millis(), fl.perSecond(), fl.p50Millis(), f.perSecond(), f.p50Millis(),
                        p.perSecond() / fl.perSecond(), p.perSecond() / f.perSecond(), p.failures(), fl.failures(),
                        f.failures()));
            }
            System.out.println();
            System.out.println("| clients | PassGate cycles/s | p50 ms | floor cycles/s | p50 ms | FtpServer cycles/s | p50 ms"
                    + " | PassGate/floor | PassGate/FtpServer | failures P/floor/F |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
            System.out.println();
            System.out.println("Store writes (group commit) per PassGate level:");
            System.out.println("| clients | writes per cycle | commits per cycle | forces into the file per cycle | us per force |");
            System.out.println("|---|---|---|---|---|");
            durability.forEach(System.out::println);
            System.out.println();
            if (explain) {
                statements.forEach(System.out::println);
                System.out.println();
                explain(pg, floor, levels, seconds, explained);
            }
            if (idle > 0) {
                idleSessions(pg, idle);
            }
        }
        System.out.println("Load average at the end: " + loadAverage());
        if (timeouts > 0) {
            waitForTimeWaitToDrain();
            timerPrecision(timeouts);
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
     * how late after its deadline (last activity + idle timeout) each one is ended.
     */
    private static void timerPrecision(int total) throws Exception {
        int idleSeconds = 30;
        try (BenchServer pg = new BenchServer(idleSeconds)) {
            var registry = pg.passGate.daemon().sessions();
            java.util.Map<String, Long> deadlines = new java.util.concurrent.ConcurrentHashMap<>();
            List<Process> clients = startClients(pg.port, total);
            List<Long> late = new ArrayList<>();
            long stopAt = System.currentTimeMillis() + (idleSeconds + 120) * 1000L;
            while (System.currentTimeMillis() < stopAt && (deadlines.size() < total || !deadlines.isEmpty())) {
                long now = System.currentTimeMillis();
                java.util.Set<String> live = new java.util.HashSet<>();
                for (var s : registry.all()) {
                    live.add(s.id());
                    deadlines.putIfAbsent(s.id(), s.lastActivity() + idleSeconds * 1000L);
                }
                for (var it = deadlines.entrySet().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    if (!live.contains(e.getKey())) {
                        late.add(now - e.getValue());
                        it.remove();
                    }
                }
                if (late.size() >= total) {
                    break;
                }
                Thread.sleep(50);
            }
            late.sort(null);
            System.out.printf(Locale.ROOT, "Idle timeouts: %d of %d sessions ended; lateness after the deadline: p50 %d ms,"
                    + " p99 %d ms, max %d ms (polled every 50 ms)%n", late.size(), total,
                    late.isEmpty() ? -1 : late.get(late.size() / 2), late.isEmpty() ? -1 : late.get((int) (late.size() * 0.99)),
                    late.isEmpty() ? -1 : late.get(late.size() - 1));
            for (Process p : clients) {
                p.getOutputStream().close();
                p.waitFor();
            }
        }
    }

    private static List<Process> startClients(int port, int total) throws Exception {
        List<Process> clients = new ArrayList<>();
        String java = System.getProperty("java.home") + "/bin/java";
        for (int c = 0; c < 2; c++) {
            clients.add(new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    IdleClients.class.getName(), Integer.toString(port), Integer.toString(total / 2))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        return clients;
    }

    private static void idleSessions(BenchServer pg, int total) throws Exception {
        long before = usedHeapAfterGc();
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
        System.out.printf(Locale.ROOT, "Idle sessions held: %d (clients opened %d, %d failed); server heap %d MiB -> %d MiB,"
                + " %.1f KiB per session; a 1 GiB heap holds about %.0f such sessions%n", held, ready, failed, before >> 20,
                after >> 20, perSession / 1024, (1L << 30) / perSession);
        System.out.println("Open file descriptors of the server process: " + openFds());
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

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String openFds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getOpenFileDescriptorCount() + " of " + unix.getMaxFileDescriptorCount();
        }
        return "unknown";
    }
}
