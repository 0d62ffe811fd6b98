package dev.passgate.admin;

import static dev.passgate.testkit.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.security.racf.CommandResult;
import dev.passgate.support.TestPostgres;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL: the operator of either sees every node's sessions, and CANCEL and
 * SEND reach the node that holds the session.
 */
class ClusterOperatorPostgresTest {

    @TempDir
    Path data;

    private RunningPassGate node(String url, String name) throws Exception {
        return new RunningPassGate(data.resolve(name), TestPostgres.nodeSettings(url, name));
    }

    private static String operator(RunningPassGate node, String command) {
        CommandResult r = node.context.getRegistry().lookupByNameAndType("passGateOperator", OperatorCommands.class)
                .execute(command, "OPER1");
        return String.join("\n", r.lines());
    }

    @Test
    void anOperatorOnOneNodeSeesCancelsAndMessagesAnotherNodesSessions() throws Exception {
        String url = TestPostgres.newDatabase();
        try (RunningPassGate a = node(url, "PGA"); RunningPassGate b = node(url, "PGB")) {
            a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER ANN PASSWORD(Secret1) NOEXPIRED");
            try (LineClient joe = b.session("JOE", "Secret1"); LineClient ann = b.session("ANN", "Secret1")) {
                // A session's connected row is committed a few milliseconds after its connect reply
                // (the logon's row already made it durable): the other node sees it then.
                waitFor(Duration.ofSeconds(5), () -> operator(a, "DISPLAY CLIENTS,USER").endsWith("2 clients (0 on PGA)"));
                String clients = operator(a, "DISPLAY CLIENTS,USER");
                assertTrue(clients.lines().anyMatch(l -> l.contains(" JOE ") && l.contains(" PGB ")), clients);
                assertTrue(clients.endsWith("2 clients (0 on PGA)"), clients);

                assertEquals("message sent to 1 session (1 on other nodes)",
                        operator(a, "SEND 'maintenance at 18:00' USER=ANN"));
                var message = ann.read();
                assertEquals("message", message.get("event").asText());
                assertEquals("maintenance at 18:00", message.get("text").asText());

                assertEquals("1 session cancelled (1 on other nodes)", operator(a, "CANCEL USER=JOE"));
                assertEquals("cancelled", joe.read().get("event").asText());
                assertTrue(joe.closedByServer());
                waitFor(Duration.ofSeconds(5), () -> b.passGate.daemon().sessions().size() == 1);
                assertEquals("JOE", a.passGate.security().audit().query("JOE",
                        dev.passgate.security.AuditEvent.LOGOUT, 1).get(0).user(), "the logout is audited by its node");

                String annSession = b.passGate.daemon().sessions().ofUser("ANN").get(0).id();
                assertEquals("1 session cancelled (1 on other nodes)", operator(a, "CANCEL ID=" + annSession));
                assertEquals("cancelled", ann.read().get("event").asText());
            }
        }
    }
}
