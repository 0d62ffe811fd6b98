package dev.passgate.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.passgate.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages between two nodes through one store: delivered once acted on, kept while the target is away. */
class ClusterMessagesTest {

    @TempDir
    Path data;

    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }

    @Test
    void aMessageReachesItsNodeAndOneSentWhileItWasDownWaitsForIt() throws Exception {
        try (Database db = TestDatabases.open(engine(), data)) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            try (ClusterMessages a = new ClusterMessages(db.dataSource(), "PGA", Duration.ofMillis(200))) {
                a.start();
                // PGB is not running yet: its message waits in the store.
                a.send("PGB", "HELLO", "sent while PGB was down");
                try (ClusterMessages b = new ClusterMessages(db.dataSource(), "PGB", Duration.ofMillis(200))) {
                    b.on("HELLO", m -> received.add(m.from() + ": " + m.payload()));
                    b.start();
                    assertEquals("PGA: sent while PGB was down", received.poll(10, TimeUnit.SECONDS));
                    a.send("PGB", "HELLO", "sent while PGB runs");
                    assertEquals("PGA: sent while PGB runs", received.poll(10, TimeUnit.SECONDS));
                    a.send("PGC", "HELLO", "for another node");
                }
            }
            assertEquals(null, received.poll(500, TimeUnit.MILLISECONDS), "each message once, and only to its node");
            List<String> left = new Jdbc(db.dataSource()).query("SELECT target_node FROM passgate_cluster_message",
                    rs -> rs.getString(1));
            assertEquals(List.of("PGC"), left, "delivered messages are removed, the others kept");
        }
    }

    /** A node stopping must not fail its store's shutdown (it did on PostgreSQL, for a name no H2 node had used). */
    @Test
    void aNodeThatListenedStopsCleanly() throws Exception {
        try (Database db = TestDatabases.open(engine(), data)) {
            String name = "N" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(java.util.Locale.ROOT);
            ClusterMessages messages = new ClusterMessages(db.dataSource(), name, Duration.ofMillis(200));
            messages.start();
            assertDoesNotThrow(messages::close);
        }
    }
}
