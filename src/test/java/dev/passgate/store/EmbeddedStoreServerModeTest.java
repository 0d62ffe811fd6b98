package dev.passgate.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedded store never listens: every spelling of H2's server modes is refused before anything opens. */
class EmbeddedStoreServerModeTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {";AUTO_SERVER=TRUE", ";auto_server=true", ";AUTO_SERVER=1", ";AUTO_SERVER=yes",
            ";AUTO_SERVER=TRUE;AUTO_SERVER_PORT=9094"})
    void autoServerInAnySpellingH2AcceptsIsRefused(String setting) {
        String url = "jdbc:h2:file:" + data.resolve("passgate") + setting;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Database.open(url, "sa", "x", 2));
        assertTrue(e.getMessage().contains("must not be served over the network"), e.getMessage());
        assertFalse(Files.exists(data.resolve("passgate.lock.db")), "nothing was opened (H2's server mode leaves a lock file)");
        assertFalse(Files.exists(data.resolve("passgate.mv.db")), "nothing was opened");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:tcp://localhost/passgate", "jdbc:h2:ssl://localhost/passgate",
            "jdbc:h2:tcp://localhost:9092/~/passgate;AUTO_SERVER=FALSE"})
    void remoteH2UrlsAreRefused(String url) {
        assertThrows(IllegalArgumentException.class, () -> Database.open(url, "sa", "x", 2));
    }

    @Test
    void autoServerSwitchedOffOpens() {
        try (Database db = Database.open("jdbc:h2:file:" + data.resolve("passgate") + ";AUTO_SERVER=FALSE", "sa", "x", 2)) {
            assertTrue(Files.exists(data.resolve("passgate.mv.db")));
        }
    }
}
