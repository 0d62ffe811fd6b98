package dev.passgate.admin.command;

import dev.passgate.admin.ClusterOperator;
import dev.passgate.daemon.PoolSnapshots;
import dev.passgate.session.SessionStore;
import java.time.Instant;
import dev.passgate.jobs.JobOperator;
import dev.passgate.pool.ThreadPool;
import dev.passgate.security.racf.CommandResult;
import dev.passgate.session.Session;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DISPLAY PROCESS (the pools), DISPLAY CLIENTS (the sessions, in the order asked), DISPLAY JOBS (the job monitor's). */
final class DisplayCommand implements OperatorCommand {

    private static final Pattern GRAMMAR = Pattern.compile("(PROCESS)|CLIENTS(?:\\s*,\\s*(USER|ID|LOGON))?"
            + "|(JOBS)(?:\\s*,\\s*OWNER=(\\S+))?",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String verb() {
        return "DISPLAY";
    }

    @Override
    public List<String> abbreviations() {
        return List.of("D");
    }

    @Override
    public Pattern grammar() {
        return GRAMMAR;
    }

    @Override
    public String syntax() {
        return "PROCESS, CLIENTS[,USER|,ID|,LOGON] or JOBS[,OWNER=userid]";
    }

    @Override
    public CommandResult execute(Matcher operands, String actor, OperatorServices s) {
        if (operands.group(1) != null) {
            return OperatorCommand.done(process(s));
        }
        if (operands.group(3) != null) {
            return JobOperator.of(s.template().getCamelContext()).map(j -> j.display(operands.group(4)))
                    .orElse(OperatorCommand.refused("the job monitor is not installed"));
        }
        return OperatorCommand.done(clients(s, operands.group(2) == null ? "LOGON"
                : operands.group(2).toUpperCase(Locale.ROOT)));
    }

    /** Another node's snapshot older than this is marked with its age: that node may be busy or cut off. */
    private static final long FRESH_MILLIS = 5_000;

    private static List<String> process(OperatorServices s) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-5s %-8s %-8s %-8s %-8s %s", "POOL", "NODE", "CLIENTS", "MAX", "THREADS",
                "ACTIVE"));
        String here = s.cluster().node();
        List<ThreadPool> local = s.pools().pools();
        for (ThreadPool p : local) {
            out.add(String.format(Locale.ROOT, "%-5d %-8s %-8d %-8d %-8d %d", p.id(), here, p.clients(), p.maxClients(),
                    p.threads(), p.activeThreads()));
        }
        // Other nodes' pools, from the snapshots each publishes every few seconds.
        List<PoolSnapshots.Snapshot> elsewhere = s.cluster().poolsElsewhere();
        for (PoolSnapshots.Snapshot p : elsewhere) {
            out.add(String.format(Locale.ROOT, "%-5d %-8s %-8d %-8d %-8d %d%s", p.pool(), p.node(), p.clients(),
                    p.maxClients(), p.threads(), p.activeThreads(),
                    p.ageMillis() > FRESH_MILLIS ? " (as of " + p.ageMillis() / 1000 + " s ago)" : ""));
        }
        int sessionsHere = s.sessions().size();
        if (elsewhere.isEmpty()) {
            out.add(local.size() + " pools, " + sessionsHere + " sessions");
        } else {
            int sessions = sessionsHere + s.cluster().elsewhere().size();
            out.add((local.size() + elsewhere.size()) + " pools, " + sessions + " sessions (" + local.size() + " pools, "
                    + sessionsHere + " sessions on " + here + ")");
        }
        return out;
    }

    private static List<String> clients(OperatorServices s, String order) {
        Comparator<Session> by = switch (order) {
            case "USER" -> Comparator.comparing(Session::user);
            case "ID" -> Comparator.comparing(Session::id);
            default -> Comparator.comparing(Session::since);
        };
        long now = s.clock().millis();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-36s %-8s %-8s %-15s %-4s %-6s %-20s %-8s %s", "SESSION", "USER", "NODE",
                "ADDRESS", "POOL", "PORT", "SINCE", "IDLE", "MINERS"));
        String here = s.cluster().node();
        for (Session session : s.sessions().all().stream().sorted(by).toList()) {
            out.add(String.format(Locale.ROOT, "%-36s %-8s %-8s %-15s %-4d %-6d %-20s %-8s %s", session.id(), session.user(),
                    here, session.address(), session.pool(), session.port(), session.since().truncatedTo(ChronoUnit.SECONDS),
                    Duration.ofMillis(now - session.lastActivity()).toSeconds() + "s",
                    String.join(",", session.miners())));
        }
        // Other nodes' sessions, from the store: what only their own node knows (pool, port, idle time) is "-".
        Comparator<SessionStore.Recorded> byRemote = switch (order) {
            case "USER" -> Comparator.comparing(SessionStore.Recorded::user);
            case "ID" -> Comparator.comparing(SessionStore.Recorded::id);
            default -> Comparator.comparingLong(SessionStore.Recorded::startedAt);
        };
        List<SessionStore.Recorded> elsewhere = s.cluster().elsewhere().stream().sorted(byRemote).toList();
        for (SessionStore.Recorded r : elsewhere) {
            out.add(String.format(Locale.ROOT, "%-36s %-8s %-8s %-15s %-4s %-6s %-20s %-8s %s", r.id(), r.user(), r.node(),
                    r.address(), "-", "-", Instant.ofEpochMilli(r.startedAt()).truncatedTo(ChronoUnit.SECONDS), "-", "-"));
        }
        out.add((s.sessions().size() + elsewhere.size()) + " clients"
                + (elsewhere.isEmpty() ? "" : " (" + s.sessions().size() + " on " + here + ")"));
        return out;
    }
}
