package dev.passgate.cli;

import dev.passgate.security.AuditEvent;
import dev.passgate.security.AuditLog;
import dev.passgate.security.racf.CommandResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code passgate audit}: the newest audit records, one per line. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Show the audit log, newest first.")
final class AuditCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--user", description = "Only records about this user.")
    String user;

    @Option(names = "--event", description = "Only this event: VERIFY, LOGOUT, COMMAND, REVOKE, PTKT_GENERATE, ... (any other name is refused).")
    String event;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many records (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        AuditEvent only = event == null ? null : AuditEvent.find(event).orElseThrow(() -> new picocli.CommandLine
                .ParameterException(options.spec.commandLine(), "--event " + event + " is none of " + AuditEvent.names()));
        var settings = options.settings();
        Optional<OperatorClient> daemon = OperatorClient.running(settings.dataDir());
        if (daemon.isPresent()) {
            // The running daemon has the store: ask it.
            CommandResult r = daemon.get().execute("AUDIT LIMIT=" + limit + (user == null ? "" : " USER=" + user)
                    + (event == null ? "" : " EVENT=" + event));
            PrintWriter stream = r.ok() ? options.spec.commandLine().getOut() : options.spec.commandLine().getErr();
            r.lines().forEach(stream::println);
            return r.returnCode();
        }
        try (RegistrySession session = new RegistrySession(settings)) {
            for (AuditLog.Entry e : session.registry().audit().query(upper(user), only, limit)) {
                options.spec.commandLine().getOut().println(e.line());
            }
        }
        return 0;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
