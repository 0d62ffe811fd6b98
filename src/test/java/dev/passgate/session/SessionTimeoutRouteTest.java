package dev.passgate.session;

import dev.passgate.security.AuditEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An idle session's timer is a Quartz firing of the session-timeout route, which an integrator can watch and change. */
class SessionTimeoutRouteTest {

    @TempDir
    Path data;

    @Test
    void anIdleSessionIsLoggedOutByTheQuartzRouteWithReasonTimeout() throws Exception {
        try (RunningPassGate pg = new RunningPassGate(data, Map.of("passgate.session.idle-timeout", "1"))) {
            assertInstanceOf(QuartzEndpoint.class, pg.context.getRoute("session-timeout").getEndpoint());
            AdviceWith.adviceWith(pg.context, "session-timeout", a -> a.weaveById("timeout-logout").before()
                    .to("mock:timeouts"));
            MockEndpoint timeouts = pg.context.getEndpoint("mock:timeouts", MockEndpoint.class);
            timeouts.expectedMessageCount(1);
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            try (LineClient s = pg.session("JOE", "Secret1")) {
                JsonNode event = s.read();
                assertNotNull(event, "the server says why it closes");
                assertEquals("timeout", event.get("event").asText());
            }
            timeouts.assertIsSatisfied();
            var fired = timeouts.getExchanges().get(0);
            assertEquals(IdleCheck.EXPIRED, SessionKeys.IDLE_KEY.get(fired));
            assertEquals(SessionEndReason.TIMEOUT, SessionKeys.REASON_KEY.get(fired));
            assertEquals("JOE", SessionKeys.SESSION_KEY.get(fired).user());
            Eventually.waitFor(() -> pg.passGate.daemon().sessions().size() == 0);
            var audit = pg.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 5);
            assertEquals("TIMEOUT", audit.get(0).outcome());
        }
    }
}
