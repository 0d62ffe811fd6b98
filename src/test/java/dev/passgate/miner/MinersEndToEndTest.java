package dev.passgate.miner;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.passticket.Evaluation;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files and tickets miners through a real session. */
class MinersEndToEndTest {

    @TempDir
    Path data;
    private RunningPassGate pg;
    private Path root;

    @BeforeEach
    void start() throws Exception {
        pg = new RunningPassGate(data, Map.of("passgate.files.max-bytes", "1000"));
        root = data.resolve("files");
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER ANN PASSWORD(Secret1) NOEXPIRED");
    }

    @AfterEach
    void stop() throws Exception {
        pg.close();
    }


    @Test
    void aUserWorksInTheirHomeWithRelativeAndAbsolutePaths() throws Exception {
        try (LineClient s = pg.session("JOE", "Secret1")) {
            assertEquals("OK", code(s.request("{\"op\":\"files.mkdir\",\"path\":\"docs\"}")));
            assertEquals("OK", code(s.request("{\"op\":\"files.write\",\"path\":\"docs/a.txt\",\"content\":\"héllo\"}")));
            assertEquals("héllo", s.request("{\"op\":\"files.read\",\"path\":\"/u/joe/docs/a.txt\"}").get("content").asText());
            JsonNode list = s.request("{\"op\":\"files.list\",\"path\":\"docs\"}");
            assertEquals("a.txt", list.at("/entries/0/name").asText());
            assertEquals("file", list.at("/entries/0/type").asText());
            assertEquals(6, list.at("/entries/0/size").asInt());
            assertTrue(Files.exists(root.resolve("u/joe/docs/a.txt")), "the tree lives under passgate.files.root");

            byte[] binary = {0, (byte) 0xff, 1, (byte) 0xfe};
            String b64 = Base64.getEncoder().encodeToString(binary);
            assertEquals("OK", code(s.request("{\"op\":\"files.write\",\"path\":\"bin\",\"base64\":\"" + b64 + "\"}")));
            assertEquals(b64, s.request("{\"op\":\"files.read\",\"path\":\"bin\"}").get("base64").asText());

            assertEquals("OK", code(s.request("{\"op\":\"files.delete\",\"path\":\"docs/a.txt\"}")));
            assertEquals("NOT_FOUND", code(s.request("{\"op\":\"files.read\",\"path\":\"docs/a.txt\"}")));
            assertEquals("NOT_FOUND", code(s.request("{\"op\":\"files.list\",\"path\":\"nothing\"}")));
        }
    }

    @Test
    void leavingTheTreeOrFollowingALinkIsRefused() throws Exception {
        Files.createDirectories(root.resolve("u/joe"));
        Path outside = Files.writeString(data.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("u/joe/link"), outside);
        try (LineClient s = pg.session("JOE", "Secret1")) {
            assertEquals("NOT_AUTHORIZED", code(s.request("{\"op\":\"files.read\",\"path\":\"../../../secret.txt\"}")));
            assertEquals("NOT_AUTHORIZED", code(s.request("{\"op\":\"files.read\",\"path\":\"/u/joe/../ann/x\"}")));
            assertEquals("NOT_AUTHORIZED", code(s.request("{\"op\":\"files.read\",\"path\":\"link\"}")));
            assertEquals("BAD_REQUEST", code(s.request("{\"op\":\"files.write\",\"path\":\"big\",\"content\":\""
                    + "x".repeat(1001) + "\"}")), "writes over passgate.files.max-bytes are refused");
        }
    }

    @Test
    void outsideTheHomeAFileProfileDecides() throws Exception {
        try (LineClient ann = pg.session("ANN", "Secret1")) {
            assertEquals("OK", code(ann.request("{\"op\":\"files.write\",\"path\":\"mine\",\"content\":\"x\"}")));
        }
        try (LineClient joe = pg.session("JOE", "Secret1")) {
            assertEquals("NOT_AUTHORIZED", code(joe.request("{\"op\":\"files.read\",\"path\":\"/u/ann/mine\"}")),
                    "another user's home needs a FILE profile");
            pg.admin("RDEFINE FILE /u/** UACC(NONE)");
            assertEquals("NOT_AUTHORIZED", code(joe.request("{\"op\":\"files.read\",\"path\":\"/u/ann/mine\"}")));
            assertEquals("NOT_AUTHORIZED", code(joe.request("{\"op\":\"files.list\",\"path\":\"/u/joe\"}")),
                    "a FILE profile can close even the user's own home");
            pg.admin("RDEFINE FILE /u/ann/** UACC(NONE)", "PERMIT /u/ann/** CLASS(FILE) ID(JOE) ACCESS(READ)");
            assertEquals("x", joe.request("{\"op\":\"files.read\",\"path\":\"/u/ann/mine\"}").get("content").asText());
            assertEquals("NOT_AUTHORIZED", code(joe.request("{\"op\":\"files.delete\",\"path\":\"/u/ann/mine\"}")),
                    "READ does not allow changes");
        }
    }

    @Test
    void ticketsNeedUpdateOnIrrptauthForTheTargetUser() throws Exception {
        pg.admin("RDEFINE PTKTDATA CICSPROD SSIGNON(KEYMASKED(E001193519561977)) APPLDATA('NO REPLAY PROTECTION')");
        try (LineClient s = pg.session("JOE", "Secret1")) {
            assertEquals("NOT_AUTHORIZED", code(s.request("{\"op\":\"tickets.generate\",\"applid\":\"CICSPROD\"}")));
            pg.admin("RDEFINE PTKTDATA IRRPTAUTH.CICSPROD.JOE UACC(NONE)",
                    "PERMIT IRRPTAUTH.CICSPROD.JOE CLASS(PTKTDATA) ID(JOE) ACCESS(UPDATE)");
            JsonNode own = s.request("{\"op\":\"tickets.generate\",\"applid\":\"cicsprod\",\"id\":3}");
            assertEquals("OK", code(own), own.toString());
            assertEquals("JOE", own.get("user").asText());
            assertEquals("legacy", own.get("type").asText());
            assertEquals(Evaluation.Outcome.VALID, pg.passGate.security().passTicketEvaluator()
                    .evaluate("JOE", "CICSPROD", own.get("passticket").asText()).outcome());
            assertEquals("NOT_AUTHORIZED", code(s.request("{\"op\":\"tickets.generate\",\"applid\":\"CICSPROD\",\"user\":\"ANN\"}")));
            pg.admin("RDEFINE PTKTDATA IRRPTAUTH.CICSPROD.* UACC(NONE)",
                    "PERMIT IRRPTAUTH.CICSPROD.* CLASS(PTKTDATA) ID(JOE) ACCESS(UPDATE)");
            assertEquals("ANN", s.request("{\"op\":\"tickets.generate\",\"applid\":\"CICSPROD\",\"user\":\"ann\"}")
                    .get("user").asText(), "a generic profile gives authority over other users");
        }
    }

    @Test
    void unknownOpsAndMinersAreBadRequestsAndTheSessionGoesOn() throws Exception {
        try (LineClient s = pg.session("JOE", "Secret1")) {
            assertEquals("BAD_REQUEST", code(s.request("{\"op\":\"nosuch.verb\"}")));
            assertEquals("BAD_REQUEST", code(s.request("{\"op\":\"files.frobnicate\",\"path\":\"x\"}")));
            assertEquals("BAD_REQUEST", code(s.request("{\"op\":\"jump\"}")));
            assertEquals("BAD_REQUEST", code(s.request("not json at all")));
            assertEquals("BAD_REQUEST", code(s.request("{\"op\":\"files.read\"}")));
            assertEquals("JOE", s.request("{\"op\":\"whoami\"}").get("user").asText());
        }
    }

    @Test
    void aMinerClosedByAFacilityProfileDoesNotStart() throws Exception {
        pg.admin("RDEFINE FACILITY PASSGATE.MINER.TICKETS UACC(NONE)");
        try (LineClient s = pg.session("JOE", "Secret1")) {
            assertEquals("[\"files\",\"jobs\"]", s.request("{\"op\":\"whoami\"}").get("miners").toString());
            assertEquals("NOT_AUTHORIZED", code(s.request("{\"op\":\"tickets.generate\",\"applid\":\"FEKAPPL\"}")));
        }
    }
}
