package dev.passgate.store;

import dev.passgate.security.AuditEvent;
import static dev.passgate.testkit.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.PassGate;
import dev.passgate.security.SecurityBootstrap;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import dev.passgate.support.TestDatabases;
import dev.passgate.testkit.TestPassGate;
import dev.passgate.support.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real PostgreSQL: its schema, Quartz's timers, and nodes that start together on one empty database. */
class PostgresStoreTest {

    @TempDir
    Path data;

    @Test
    void theSchemaHasPostgresTypesAndIndexesForForeignKeysAndQuartzQueries() {
        try (Database db = TestDatabases.open(TestDatabases.Engine.POSTGRESQL, data)) {
            assertEquals(StoreVendor.POSTGRESQL, db.vendor());
            assertTrue(db.url().startsWith("jdbc:postgresql://"), db.url());
            Jdbc jdbc = new Jdbc(db.dataSource());
            List<String> indexes = jdbc.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'",
                    rs -> rs.getString(1).toLowerCase());
            for (String expected : List.of("sec_user_default_group", "sec_connect_group", "sec_certificate_map_user",
                    "idx_qrtz_t_next_fire_time", "idx_qrtz_t_nft_st", "idx_qrtz_ft_trig_inst_name", "idx_qrtz_t_j")) {
                assertTrue(indexes.contains(expected), expected + " in " + indexes);
            }
            assertEquals("bytea", jdbc.queryOne("SELECT data_type FROM information_schema.columns"
                    + " WHERE table_name = 'qrtz_job_details' AND column_name = 'job_data'", rs -> rs.getString(1))
                    .orElseThrow());
            assertEquals(11, jdbc.queryOne("SELECT MAX(CAST(version AS INT)) FROM flyway_schema_history",
                    rs -> rs.getInt(1)).orElseThrow());
        }
    }

    @Test
    void aWrongPasswordIsAClearRefusalAndH2ServerModesStayRefused() {
        String url = TestPostgres.newDatabase();
        StoreOpenException e = assertThrows(StoreOpenException.class,
                () -> Database.open(url + "?password=leaked", "nosuchuser", "Wrong-Secret", 2));
        assertFalse(e.getMessage().contains("leaked") || e.getMessage().contains("Wrong-Secret"), e.getMessage());
        assertTrue(e.getMessage().contains(url), e.getMessage());
        IllegalArgumentException tcp = assertThrows(IllegalArgumentException.class,
                () -> Database.open("jdbc:h2:tcp://localhost/passgate", "sa", "", 2));
        assertTrue(tcp.getMessage().contains("PostgreSQL"), tcp.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> Database.open("jdbc:mysql://localhost/passgate", "sa", "", 2));
        assertTrue(other.getMessage().contains("jdbc:postgresql://"), other.getMessage());
    }

    @Test
    void anIdleSessionTimesOutThroughQuartzOnPostgres() throws Exception {
        Map<String, String> settings = new HashMap<>(TestPostgres.storeSettings());
        settings.put("passgate.session.idle-timeout", "1");
        try (RunningPassGate pg = new RunningPassGate(data, settings)) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            try (LineClient s = pg.session("JOE", "Secret1")) {
                assertEquals("timeout", s.read().get("event").asText());
                assertTrue(s.closedByServer());
            }
            waitFor(() -> pg.passGate.daemon().sessions().size() == 0);
            waitFor(() -> !pg.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 1).isEmpty());
            assertEquals("TIMEOUT", pg.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 1).get(0).outcome());
        }
    }

    @Test
    void threeNodesStartingAtOnceOnAnEmptyDatabaseAllComeUpWithOneAdministrator() throws Exception {
        String url = TestPostgres.newDatabase();
        List<String> names = List.of("PGA", "PGB", "PGC");
        CyclicBarrier together = new CyclicBarrier(names.size());
        ExecutorService starts = Executors.newFixedThreadPool(names.size());
        List<Future<Node>> started = new ArrayList<>();
        List<StringWriter> consoles = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        List<CamelContext> made = Collections.synchronizedList(new ArrayList<>());
        try {
            for (String name : names) {
                Path dir = Files.createDirectories(data.resolve(name));
                StringWriter console = new StringWriter();
                consoles.add(console);
                started.add(starts.submit(() -> {
                    Map<String, String> settings = new HashMap<>(TestPostgres.storeSettings(url));
                    settings.put("passgate.system.name", name);
                    CamelContext context = new DefaultCamelContext();
                    made.add(context);
                    together.await(30, TimeUnit.SECONDS);
                    // as serve does it: install (migrations, logon definitions), the administrator, start
                    PassGate passGate = TestPassGate.install(context, dir, settings);
                    new SecurityBootstrap(passGate.security()).ensureAdministrator(
                            dir.resolve(SecurityBootstrap.ADMIN_PASSWORD_FILE), new PrintWriter(console, true));
                    context.start();
                    return new Node(context, passGate);
                }));
            }
            for (Future<Node> f : started) {
                nodes.add(f.get(120, TimeUnit.SECONDS));
            }
            try (Database db = Database.open(url, TestPostgres.USER, "unused", 2)) {
                Jdbc jdbc = new Jdbc(db.dataSource());
                assertEquals(List.of(SecurityBootstrap.ADMIN_USER),
                        jdbc.query("SELECT user_id FROM sec_user WHERE special", rs -> rs.getString(1)));
                assertEquals(1, jdbc.queryOne("SELECT COUNT(*) FROM sec_profile WHERE class_name = 'PTKTDATA'"
                        + " AND profile_name NOT LIKE 'IRRPTAUTH.%'", rs -> rs.getInt(1)).orElseThrow(),
                        "one PassTicket key for the shared APPLID, not one per node");
            }
            long passwordFiles = names.stream()
                    .filter(n -> Files.exists(data.resolve(n).resolve(SecurityBootstrap.ADMIN_PASSWORD_FILE))).count();
            assertEquals(1, passwordFiles, "only the node that created the administrator has its password");
            assertEquals(1, consoles.stream().filter(c -> c.toString().contains("created administrator")).count());
            // one registry: a user defined through one node logs on at every node
            assertTrue(nodes.get(0).passGate().security().commands()
                    .execute("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "TEST").ok());
            for (Node node : nodes) {
                int port = Integer.parseInt(node.passGate().settings().string("passgate.daemon.port"));
                try (LineClient daemon = new LineClient(port)) {
                    var reply = daemon.request("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}");
                    assertTrue(reply.get("ok").asBoolean(), node.passGate().settings().systemName() + ": " + reply);
                }
            }
        } finally {
            for (CamelContext c : made) {
                c.close();
            }
            starts.shutdownNow();
        }
    }

    private record Node(CamelContext context, PassGate passGate) {
    }
}
