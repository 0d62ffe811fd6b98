package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded, PassGate writes no master key file of its own accord: a host that gives no key is
 * stopped at install with the settings that fix it, before the data folder is touched.
 */
class EmbeddedMasterKeyTest {

    @TempDir
    Path work;

    @Test
    void withoutAMasterKeyInstallFailsNamingTheSettingsAndWritesNothing() throws Exception {
        Path data = work.resolve("data");
        Path keyFile = work.resolve("keys/master.key");
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("passgate.data.dir", data.toString());
            context.getPropertiesComponent().addInitialProperty("passgate.security.master-key-file", keyFile.toString());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PassGate.install(context));
            assertEquals("no master key: set passgate.security.master-key (64 hex digits; best from the environment as"
                    + " PASSGATE_SECURITY_MASTER_KEY), or passgate.security.master-key-file to an existing key file ("
                    + keyFile + " does not exist), or passgate.security.master-key-create=true to have that file created",
                    e.getMessage());
        }
        assertFalse(Files.exists(keyFile), "no key file written");
        assertFalse(Files.exists(data), "no data folder made");
    }

    @Test
    void aHostThatAllowsItGetsTheKeyFileWhereItSaid() throws Exception {
        Path keyFile = work.resolve("keys/master.key");
        Files.createDirectories(keyFile.getParent());
        try (CamelContext context = new DefaultCamelContext()) {
            var properties = context.getPropertiesComponent();
            properties.addInitialProperty("passgate.data.dir", work.resolve("data").toString());
            properties.addInitialProperty("passgate.security.master-key-file", keyFile.toString());
            properties.addInitialProperty("passgate.security.master-key-create", "true");
            properties.addInitialProperty("passgate.security.password-iterations", "1000");
            properties.addInitialProperty("passgate.routes.dir", work.resolve("routes").toString());
            properties.addInitialProperty("passgate.daemon.port", "0");
            properties.addInitialProperty("passgate.jobs.port", "0");
            PassGate.install(context);
        }
        assertTrue(Files.exists(keyFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    }
}
