package dev.passgate.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.passticket.Evaluation;
import dev.passgate.passticket.PassTicketDefinition;
import dev.passgate.passticket.PassTicketDefinitionResolver;
import dev.passgate.passticket.PassTicketEvaluator;
import dev.passgate.passticket.PassTicketGenerator;
import dev.passgate.security.SecurityBootstrap;
import dev.passgate.security.racf.CommandResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IVP PASSTICKET and IVP DAEMON: installation checks that say, step by step, whether the
 * daemon's PassTicket setup works and whether a complete logon goes through, and on a
 * failure exactly what to define. The z/OS product's most common setup failure is
 * PassTickets, so the checks name the APPLID, the profile and the command.
 */
public final class InstallationChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PassTicketDefinitionResolver definitions;
    private final PassTicketGenerator generator;
    private final PassTicketEvaluator evaluator;
    private final String applid;
    private final int daemonPort;

    public InstallationChecks(PassTicketDefinitionResolver definitions, PassTicketGenerator generator,
            PassTicketEvaluator evaluator, String applid, int daemonPort) {
        this.definitions = definitions;
        this.generator = generator;
        this.evaluator = evaluator;
        this.applid = applid;
        this.daemonPort = daemonPort;
    }

    public CommandResult passTicket() {
        List<String> out = new ArrayList<>();
        Optional<PassTicketDefinition> d = definitions.forGeneration(applid);
        if (d.isEmpty()) {
            return fail(out, "PTKTDATA profile " + applid + " ... MISSING: RDEFINE PTKTDATA " + applid
                    + " SSIGNON(KEYMASKED(<16 hex digits>)) APPLDATA('NO REPLAY PROTECTION')");
        }
        out.add("PTKTDATA profile " + applid + " ... found");
        if (!d.get().hasKey()) {
            return fail(out, "key ... MISSING: RALTER PTKTDATA " + applid + " SSIGNON(KEYMASKED(<16 hex digits>))");
        }
        out.add("key ... " + (d.get().hasEnhancedKey() ? "enhanced" : "legacy") + " key defined");
        if (!d.get().replayBypassed()) {
            return fail(out, "replay protection ... ON, but the daemon needs it off: RALTER PTKTDATA " + applid
                    + (d.get().hasEnhancedKey() ? " SSIGNON(EPTREPLAY(YES))" : " APPLDATA('NO REPLAY PROTECTION')"));
        }
        out.add("replay protection ... bypassed");
        String user = SecurityBootstrap.SERVICE_USER;
        String ticket = generator.generate(user, applid).ticket();
        out.add("generate for " + user + " ... ok");
        for (int i = 1; i <= 2; i++) {
            Evaluation e = evaluator.evaluate(user, applid, ticket);
            if (!e.valid()) {
                return fail(out, "evaluate #" + i + " ... FAILED: " + e.outcome().reason());
            }
            out.add("evaluate #" + i + " ... ok");
        }
        out.add("IVP PASSTICKET for " + applid + " passed");
        return new CommandResult(0, out);
    }

    /** A complete logon as the service user, by PassTicket: daemon, handoff, connect, whoami, logout. */
    public CommandResult daemon() {
        List<String> out = new ArrayList<>();
        CommandResult tickets = passTicket();
        out.addAll(tickets.lines());
        if (!tickets.ok()) {
            return new CommandResult(tickets.returnCode(), out);
        }
        String user = SecurityBootstrap.SERVICE_USER;
        try {
            JsonNode logon;
            try (Socket d = new Socket(InetAddress.getLoopbackAddress(), daemonPort)) {
                logon = exchange(d, "{\"op\":\"logon\",\"user\":\"" + user + "\",\"passticket\":\""
                        + generator.generate(user, applid).ticket() + "\"}");
            }
            if (logon == null || !logon.path("ok").asBoolean()) {
                return fail(out, "logon on port " + daemonPort + " ... FAILED: " + (logon == null ? "no answer"
                        : logon.path("error").path("code").asText() + " " + logon.path("error").path("message").asText()));
            }
            out.add("logon on port " + daemonPort + " ... ok, server port " + logon.get("port").asInt() + ", pool "
                    + logon.get("pool").asInt());
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), logon.get("port").asInt())) {
                JsonNode connected = exchange(s, "{\"op\":\"connect\",\"clientId\":\"" + logon.get("clientId").asText()
                        + "\"}");
                if (connected == null || !connected.path("ok").asBoolean()) {
                    return fail(out, "reconnect ... FAILED: " + connected);
                }
                out.add("reconnect ... ok, miners " + connected.get("miners"));
                JsonNode who = exchange(s, "{\"op\":\"whoami\"}");
                out.add("whoami ... " + who.path("user").asText());
                exchange(s, "{\"op\":\"logout\"}");
                out.add("logout ... ok");
            }
        } catch (Exception e) {
            return fail(out, "the daemon does not answer on port " + daemonPort + ": " + e.getMessage());
        }
        out.add("IVP DAEMON passed");
        return new CommandResult(0, out);
    }

    private static JsonNode exchange(Socket s, String line) throws java.io.IOException {
        OutputStream o = s.getOutputStream();
        o.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        o.flush();
        String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
        return reply == null ? null : JSON.readTree(reply);
    }

    private static CommandResult fail(List<String> out, String line) {
        out.add(line);
        return new CommandResult(8, out);
    }
}
