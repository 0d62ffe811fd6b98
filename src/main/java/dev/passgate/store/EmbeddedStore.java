package dev.passgate.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 store in the data folder, kept where only PassGate's own OS account can
 * reach it: the folder is 0700, every file in it 0600, and the database password is made
 * for this installation (kept in {@value #CREDENTIAL_FILE}), so neither a well-known
 * password nor a readable file lets another local account in. H2 runs inside the process
 * with no server mode, so nothing listens for it either.
 */
public final class EmbeddedStore {

    /** The generated database password, owner-readable only. */
    public static final String CREDENTIAL_FILE = "store.credential";
    /** H2's administrator; its password, not its name, is the secret. */
    public static final String USER = "SA";
    /** The password installations before generated credentials used. */
    static final String LEGACY_PASSWORD = "sa";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private EmbeddedStore() {
    }

    /** Creates the data folder owner-only, or narrows an existing one to its owner. */
    public static Path secureFolder(Path dataDir) {
        try {
            if (!Files.isDirectory(dataDir)) {
                OwnerOnly.on(dataDir).createDirectories(dataDir);
            }
            if (posix(dataDir) && !Files.getPosixFilePermissions(dataDir).equals(OWNER_DIR)) {
                Files.setPosixFilePermissions(dataDir, OWNER_DIR);
                LOG.info("Data folder {} narrowed to its owner (0700)", dataDir);
            }
            return dataDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir, e);
        }
    }

    /** Makes every file H2 (or anything else) left in the data folder owner-only. */
    public static void secureFiles(Path dataDir) {
        if (!posix(dataDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && !Files.getPosixFilePermissions(f).equals(OWNER_FILE)) {
                    Files.setPosixFilePermissions(f, OWNER_FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the files of " + dataDir, e);
        }
    }

    /** This installation's database password: read from the data folder, made there on first use. */
    public static char[] password(Path dataDir) {
        Path file = dataDir.resolve(CREDENTIAL_FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the store credential " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        try {
            OwnerOnly.writeNew(file, Base64.getUrlEncoder().withoutPadding().encodeToString(raw) + "\n");
        } catch (FileAlreadyExistsException e) {
            // another process of this installation made it first: use theirs
        }
    }

    private static boolean posix(Path p) {
        return p != null && Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
    }
}
