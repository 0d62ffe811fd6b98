package dev.passgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code passgate jobs}: the job monitor's client, doing the whole dance so the password is
 * typed once: logon at the daemon, a job-monitor ticket from the session's tickets miner, then
 * logon at the job monitor with it and one job operation (or every JSON line from stdin).
 */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "Log on to the job monitor through the daemon (one password) and run job operations.")
final class JobsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "localhost", description = "Daemon host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "4035", description = "Daemon port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--jobs-host", description = "Job monitor host (default: the daemon's).")
    String jobsHost;

    @Option(names = "--jobs-port", defaultValue = "6715", description = "Job monitor port (default: ${DEFAULT-VALUE}).")
    int jobsPort;

    @Option(names = "--applid", defaultValue = "FEKAPPL",
            description = "The job monitor's APPLID, the ticket is made for (default: ${DEFAULT-VALUE}).")
    String applid;

    @Option(names = "--user", required = true, description = "User ID.")
    String user;

    @Mixin
    PasswordOptions passwords = new PasswordOptions();

    @Option(names = "--op", description = "Run this one operation (jobs.submit, jobs.list, jobs.status, jobs.output,"
            + " jobs.cancel, jobs.purge), then log out.")
    String op;

    @Option(names = "--template", description = "jobs.submit: the template's NAME.")
    String template;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "jobs.submit: one of the template's parameters.")
    Map<String, String> params = Map.of();

    @Option(names = "--job", description = "The job id (status, output, cancel, purge).")
    String job;

    @Option(names = "--field", paramLabel = "NAME=VALUE", description = "Another string field of the operation.")
    Map<String, String> fields = Map.of();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String ticket = ticket(err);
        if (ticket == null) {
            return 1;
        }
        try (ProtocolLine jobs = new ProtocolLine(jobsHost != null ? jobsHost : host, jobsPort,
                "the job monitor (--jobs-host, --jobs-port; passgate.jobs.port)")) {
            JsonNode logon = jobs.exchange(JSON.createObjectNode().put("op", "logon").put("user", user)
                    .put("passticket", ticket).toString());
            if (logon == null || !logon.path("ok").asBoolean()) {
                err.println(logon == null ? "passgate: the job monitor closed the connection" : logon.toString());
                return 1;
            }
            if (op != null) {
                ObjectNode request = JSON.createObjectNode().put("op", op);
                if (template != null) {
                    request.put("template", template);
                }
                if (!params.isEmpty()) {
                    ObjectNode p = request.putObject("params");
                    params.forEach(p::put);
                }
                if (job != null) {
                    request.put("job", job);
                }
                fields.forEach(request::put);
                return jobs.once(request.toString(), out);
            }
            out.println(logon);
            return jobs.relayStandardInput(out, err, "the job monitor closed the session");
        }
    }

    /** Daemon logon, reconnect, tickets.generate for the job monitor's APPLID, logout; null (reported) when refused. */
    private String ticket(PrintWriter err) throws IOException {
        JsonNode granted;
        ObjectNode logon = JSON.createObjectNode().put("op", "logon").put("user", user)
                .put("password", passwords.read(spec, user));
        passwords.newPassword(spec).ifPresent(p -> logon.put("newPassword", p));
        try (ProtocolLine daemon = new ProtocolLine(host, port, "the daemon (--host, --port; passgate.daemon.port)")) {
            granted = daemon.exchange(logon.toString());
        }
        if (granted == null || !granted.path("ok").asBoolean()) {
            err.println(granted == null ? "passgate: the daemon closed the connection" : granted.toString());
            return null;
        }
        String serverHost = granted.hasNonNull("host") ? granted.get("host").asText() : host;
        try (ProtocolLine session = new ProtocolLine(serverHost, granted.get("port").asInt(),
                "the server port the daemon handed out")) {
            JsonNode connected = session.exchange(JSON.createObjectNode().put("op", "connect")
                    .put("clientId", granted.get("clientId").asText()).toString());
            if (connected == null || !connected.path("ok").asBoolean()) {
                err.println(connected == null ? "passgate: the server closed the connection" : connected.toString());
                return null;
            }
            JsonNode t = session.exchange(JSON.createObjectNode().put("op", "tickets.generate").put("applid", applid)
                    .toString());
            session.exchange("{\"op\":\"logout\"}");
            if (t == null || !t.path("ok").asBoolean()) {
                err.println(t == null ? "passgate: the server closed the session" : t.toString());
                return null;
            }
            return t.get("passticket").asText();
        }
    }
}
