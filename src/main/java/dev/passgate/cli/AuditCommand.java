package dev.passgate.cli;

import dev.passgate.security.AuditLog;
import java.util.Locale;
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

    @Option(names = "--event", description = "Only this event: VERIFY, REVOKE, COMMAND, ...")
    String event;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many records (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        try (RegistrySession session = new RegistrySession(options.settings())) {
            for (AuditLog.Entry e : session.registry().audit().query(upper(user), upper(event), limit)) {
                options.spec.commandLine().getOut().println(e.line());
            }
        }
        return 0;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
