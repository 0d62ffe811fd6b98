package dev.passgate.daemon;

import static dev.passgate.support.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.support.LineClient;
import dev.passgate.support.RunningPassGate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an attacker tried on the daemon port and on sessions, as a client on a real socket sees it. */
class LogonHardeningTest {

    private static final String JOE = "{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}";

    @TempDir
    Path data;
    private RunningPassGate pg;

    @BeforeEach
    void start() throws Exception {
        pg = new RunningPassGate(data, Map.of());
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER SIS PASSWORD(Secret1) NOEXPIRED");
    }

    @AfterEach
    void stop() throws Exception {
        pg.close();
    }

    @Test
    void anythingAfterTheLogonObjectIsABadRequestNotALogon() throws Exception {
        assertEquals("BAD_REQUEST", code(pg.logon(JOE + " garbage")));
        assertEquals("BAD_REQUEST", code(pg.logon(JOE + "{\"op\":\"x\"}")));
        assertEquals("OK", code(pg.logon(JOE + " \t")), "trailing whitespace is fine");
    }

    @Test
    void anythingAfterASessionRequestIsABadRequestAndNothingOfItRuns() throws Exception {
        try (LineClient session = pg.session("JOE", "Secret1")) {
            assertEquals("BAD_REQUEST", code(session.request("{\"op\":\"whoami\"} garbage")));
            assertEquals("BAD_REQUEST", code(session.request("{\"op\":\"whoami\"}{\"op\":\"logout\"}")));
            JsonNode whoami = session.request("{\"op\":\"whoami\"}");
            assertEquals("OK", code(whoami), "the session is still there: the logout after the object was not run");
            assertEquals("JOE", whoami.get("user").asText());
        }
    }

    @Test
    void aRevokedUserGetsTheSameAnswerForAnyPasswordOrPassTicket() throws Exception {
        String ticket = pg.passGate.security().passTicketGenerator().generate("JOE", "FEKAPPL").ticket();
        pg.admin("ALTUSER JOE REVOKE");
        for (String secret : new String[] {"\"password\":\"Secret1\"", "\"password\":\"Wrong1\"",
            "\"passticket\":\"" + ticket + "\"", "\"passticket\":\"AAAAAAAA\""}) {
            JsonNode r = pg.logon("{\"op\":\"logon\",\"user\":\"JOE\"," + secret + "}");
            assertEquals("USER_REVOKED", code(r), secret);
            assertEquals("the user ID is revoked", r.at("/error/message").asText());
        }
    }

    @Test
    void lettersThatUpperCaseIntoAUserIdDoNotLogOnAsThatUser() throws Exception {
        // long s, dotless i, long s: "SIS" once upper-cased by Unicode rules
        JsonNode r = pg.logon("{\"op\":\"logon\",\"user\":\"\u017f\u0131\u017f\",\"password\":\"Secret1\"}");
        assertEquals("AUTH_FAILED", code(r));
        assertFalse(r.toString().contains("SIS"), r.toString());
        assertEquals("OK", code(pg.logon("{\"op\":\"logon\",\"user\":\"sis\",\"password\":\"Secret1\"}")),
                "ASCII lower case still names the user");
    }
}
