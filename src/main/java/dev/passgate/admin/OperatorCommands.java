package dev.passgate.admin;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.passgate.partner.ConnectionRegistry;
import dev.passgate.partner.PartnerConnection;
import dev.passgate.pool.ThreadPool;
import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.protocol.JsonLines;
import dev.passgate.security.AuditLog;
import dev.passgate.security.racf.CommandResult;
import dev.passgate.security.racf.RacfCommandProcessor;
import dev.passgate.session.Session;
import dev.passgate.session.SessionHandler;
import dev.passgate.session.SessionRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.ProducerTemplate;
import org.slf4j.LoggerFactory;

/**
 * The operator's commands, in the forms of z/OS MODIFY commands: DISPLAY PROCESS,
 * DISPLAY CLIENTS[,USER|,ID|,LOGON], CANCEL ID=|USER=, SEND 'text' [USER=], LOG LEVEL=
 * [LOGGER=], NETSTAT ALL, IVP PASSTICKET, IVP DAEMON, IVP PARTNER, AUDIT [USER=] [EVENT=] [LIMIT=]; anything else is handed to the RACF command subset. The same object serves
 * the CLI (through the loopback HTTP API), the HTTP API itself and JMX.
 */
public final class OperatorCommands {

    private static final Pattern CANCEL = Pattern.compile("CANCEL\\s+(ID|USER)=(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEND = Pattern.compile("SEND\\s+'((?:[^']|'')*)'(?:\\s+USER=(\\S+))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOG = Pattern.compile("LOG\\s+LEVEL=(\\w+)(?:\\s+LOGGER=(\\S+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUDIT = Pattern.compile("AUDIT((?:\\s+(?:USER|EVENT|LIMIT)=\\S+)*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DISPLAY_CLIENTS = Pattern.compile("(?:DISPLAY|D)\\s+CLIENTS(?:\\s*,\\s*(USER|ID|LOGON))?",
            Pattern.CASE_INSENSITIVE);

    private final SessionRegistry sessions;
    private final ThreadPoolSelector pools;
    private final RacfCommandProcessor racf;
    private final ProducerTemplate template;
    private final JsonLines lines;
    private final Clock clock;
    private final InstallationChecks ivp;
    private final ConnectionRegistry connections;
    private final PartnerChecks partnerChecks;
    private final AuditLog audit;

    public OperatorCommands(SessionRegistry sessions, ThreadPoolSelector pools, RacfCommandProcessor racf,
            ProducerTemplate template, JsonLines lines, Clock clock, InstallationChecks ivp,
            ConnectionRegistry connections, PartnerChecks partnerChecks, AuditLog audit) {
        this.partnerChecks = partnerChecks;
        this.audit = audit;
        this.ivp = ivp;
        this.connections = connections;
        this.sessions = sessions;
        this.pools = pools;
        this.racf = racf;
        this.template = template;
        this.lines = lines;
        this.clock = clock;
    }

    /** Whether the text is an operator command (the rest are RACF commands). */
    public static boolean isOperatorCommand(String text) {
        String verb = text.trim().split("[\\s,]+")[0].toUpperCase(Locale.ROOT);
        return List.of("DISPLAY", "D", "CANCEL", "C", "SEND", "LOG", "NETSTAT", "IVP", "AUDIT").contains(verb);
    }

    /** Runs one command; never throws for a bad one. */
    public CommandResult execute(String text, String actor) {
        String t = text.trim();
        if (!isOperatorCommand(t)) {
            return racf.execute(t, actor);
        }
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.matches("(DISPLAY|D)\\s+PROCESS")) {
            return ok(displayProcess());
        }
        Matcher m = DISPLAY_CLIENTS.matcher(t);
        if (m.matches()) {
            return ok(displayClients(m.group(1) == null ? "LOGON" : m.group(1).toUpperCase(Locale.ROOT)));
        }
        m = CANCEL.matcher(t);
        if (m.matches()) {
            return cancel(m.group(1).toUpperCase(Locale.ROOT), m.group(2));
        }
        m = SEND.matcher(t);
        if (m.matches()) {
            return send(m.group(1).replace("''", "'"), m.group(2));
        }
        if (upper.matches("NETSTAT\\s+ALL")) {
            return ok(netstat());
        }
        if (upper.matches("IVP\\s+PASSTICKET")) {
            return ivp.passTicket();
        }
        if (upper.matches("IVP\\s+PARTNER")) {
            return partnerChecks.run();
        }
        if (upper.matches("IVP\\s+DAEMON")) {
            return ivp.daemon();
        }
        m = LOG.matcher(t);
        if (m.matches()) {
            return logLevel(m.group(1), m.group(2));
        }
        m = AUDIT.matcher(t);
        if (m.matches()) {
            return audit(m.group(1));
        }
        return new CommandResult(12, List.of("unknown operator command: " + t.split("\\s+")[0] + " (DISPLAY PROCESS,"
                + " DISPLAY CLIENTS[,USER|,ID|,LOGON], CANCEL ID=|USER=, SEND 'text' [USER=], LOG LEVEL= [LOGGER=],"
                + " NETSTAT ALL, IVP PASSTICKET, IVP DAEMON, IVP PARTNER, AUDIT [USER=] [EVENT=] [LIMIT=])"));
    }

    private List<String> displayProcess() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-5s %-8s %-8s %-8s %s", "POOL", "CLIENTS", "MAX", "THREADS", "ACTIVE"));
        for (ThreadPool p : pools.pools()) {
            out.add(String.format(Locale.ROOT, "%-5d %-8d %-8d %-8d %d", p.id(), p.clients(), p.maxClients(), p.threads(),
                    p.activeThreads()));
        }
        out.add(pools.pools().size() + " pools, " + sessions.size() + " sessions");
        return out;
    }

    private List<String> displayClients(String order) {
        Comparator<Session> by = switch (order) {
            case "USER" -> Comparator.comparing(Session::user);
            case "ID" -> Comparator.comparing(Session::id);
            default -> Comparator.comparing(Session::since);
        };
        long now = clock.millis();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-36s %-8s %-15s %-4s %-6s %-20s %-8s %s", "SESSION", "USER", "ADDRESS",
                "POOL", "PORT", "SINCE", "IDLE", "MINERS"));
        for (Session s : sessions.all().stream().sorted(by).toList()) {
            out.add(String.format(Locale.ROOT, "%-36s %-8s %-15s %-4d %-6d %-20s %-8s %s", s.id(), s.user(), s.address(),
                    s.pool(), s.port(), s.since().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    Duration.ofMillis(now - s.lastActivity()).toSeconds() + "s", String.join(",", s.miners())));
        }
        out.add(sessions.size() + " clients");
        return out;
    }

    /**
     * Like z/OS NETSTAT ALL: each connection's sockets, state and owners, with the
     * TcpClusterConnFlag (80 asked, then the routing bits) and TcpTrustedPartner fields; the
     * latter's bits (08 user ID, 04 UTOKEN retrieved, 02 set issued) show in the high nibble, as
     * z/OS shows them: E0 is all three.
     */
    private List<String> netstat() {
        List<String> out = new ArrayList<>();
        List<PartnerConnection> all = connections.all();
        for (PartnerConnection c : all) {
            out.add("Client Name: " + c.owner() + (c.user() != null ? "  User: " + c.user() : "") + "  (" + c.kind() + ")"
                    + "  Client Id: " + String.format("%08X", c.id()));
            out.add("  Local Socket:   " + c.local().getAddress().getHostAddress() + ".." + c.local().getPort());
            out.add("  Foreign Socket: " + c.remote().getAddress().getHostAddress() + ".." + c.remote().getPort());
            out.add("  TcpState: Establsh   Since: " + c.since().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            out.add(String.format("  TcpClusterConnFlag: %02X   TcpTrustedPartner: %02X", c.clusterConnFlag(),
                    (c.trustedPartner() << 4) & 0xFF));
        }
        out.add(all.size() + " connections");
        return out;
    }

    private CommandResult cancel(String by, String value) {
        List<Session> targets = by.equals("ID") ? sessions.find(value).map(List::of).orElse(List.of())
                : sessions.ofUser(value.toUpperCase(Locale.ROOT));
        if (targets.isEmpty()) {
            return new CommandResult(8, List.of("no session " + (by.equals("ID") ? value : "of user "
                    + value.toUpperCase(Locale.ROOT))));
        }
        for (Session s : targets) {
            // In the session's own order: a request running now finishes (and is answered) first.
            s.executor().execute(() -> SessionHandler.logout(template, s, "cancelled"));
        }
        return ok(List.of(targets.size() + " session" + (targets.size() == 1 ? "" : "s") + " cancelled"));
    }

    private CommandResult send(String text, String user) {
        List<Session> targets = user == null ? List.copyOf(sessions.all()) : sessions.ofUser(user.toUpperCase(Locale.ROOT));
        String event = lines.event("message", Map.of("text", text));
        for (Session s : targets) {
            if (s.channel() != null) {
                s.channel().writeAndFlush(event + "\n");
            }
        }
        return ok(List.of("message sent to " + targets.size() + " session" + (targets.size() == 1 ? "" : "s")));
    }

    /** The newest audit records (what {@code passgate audit} shows while the daemon has the store). */
    private CommandResult audit(String operands) {
        Map<String, String> given = new java.util.HashMap<>();
        for (String op : operands.trim().split("\\s+")) {
            int eq = op.indexOf('=');
            if (eq > 0) {
                given.put(op.substring(0, eq).toUpperCase(Locale.ROOT), op.substring(eq + 1).toUpperCase(Locale.ROOT));
            }
        }
        int limit;
        try {
            limit = Integer.parseInt(given.getOrDefault("LIMIT", "50"));
        } catch (NumberFormatException e) {
            return new CommandResult(12, List.of("LIMIT is a number of records"));
        }
        if (limit < 1 || limit > 10_000) {
            return new CommandResult(8, List.of("LIMIT is 1 to 10000"));
        }
        return ok(audit.query(given.get("USER"), given.get("EVENT"), limit).stream().map(AuditLog.Entry::line).toList());
    }

    private CommandResult logLevel(String level, String loggerName) {
        Level parsed = Level.toLevel(level.toUpperCase(Locale.ROOT), null);
        if (parsed == null) {
            return new CommandResult(8, List.of("LEVEL is TRACE, DEBUG, INFO, WARN, ERROR or OFF, not " + level));
        }
        String name = loggerName == null ? "dev.passgate" : loggerName;
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        Level before = logger.getEffectiveLevel();
        logger.setLevel(parsed);
        return ok(List.of("log level of " + name + " changed from " + before + " to " + parsed + " at " + Instant.now(clock)));
    }

    private static CommandResult ok(List<String> out) {
        return new CommandResult(0, out);
    }
}
