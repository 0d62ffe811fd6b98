package dev.passgate.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.passgate.store.OwnerOnly;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the master key that seals keys and TOTP secrets at rest: from configuration or the
 * environment ({@code passgate.security.master-key}, 64 hex digits), else from a key file
 * kept with the configuration, never in the data folder. A missing key file is created
 * once, readable by its owner only, with a warning to back it up (without it the stored
 * keys cannot be read), when creating is allowed: serve allows it for its own home; a host
 * embedding PassGate must say where its key is, so nothing appears in its working directory.
 */
public final class MasterKeys {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeys.class);

    private MasterKeys() {
    }

    /**
     * The configured key, or the key file's; empty when the file is missing and may be created
     * ({@link MasterKeyCheck} creates it once it knows the store has no key yet).
     *
     * @throws IllegalStateException when there is no key and none may be created, or the key is malformed
     */
    public static Optional<byte[]> find(Optional<String> configuredHex, Path keyFile, boolean createMissing, Path dataDir) {
        if (configuredHex.isPresent()) {
            return Optional.of(parse(configuredHex.get(), SecuritySettings.MASTER_KEY));
        }
        Path file = keyFile.toAbsolutePath().normalize();
        if (file.startsWith(dataDir.toAbsolutePath().normalize())) {
            throw new IllegalStateException("passgate.security.master-key-file " + file + " lies in the data folder: keep"
                    + " the master key apart from the database it protects");
        }
        if (!Files.exists(file)) {
            if (!createMissing) {
                throw new IllegalStateException("no master key: set " + SecuritySettings.MASTER_KEY
                        + " (64 hex digits; best from the environment as PASSGATE_SECURITY_MASTER_KEY), or "
                        + SecuritySettings.MASTER_KEY_FILE + " to an existing key file (" + file + " does not exist),"
                        + " or " + SecuritySettings.MASTER_KEY_CREATE + "=true to have that file created");
            }
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    /** Makes a new key in the file (owner-only), or takes the one another process made there first. */
    static byte[] create(Path keyFile) {
        Path file = keyFile.toAbsolutePath().normalize();
        try {
            create0(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the master key file " + file, e);
        }
        return read(file);
    }

    private static byte[] read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + file, e);
        }
    }

    private static void create0(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            OwnerOnly.writeNew(file, HexFormat.of().formatHex(key) + "\n");
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first; use theirs
        }
        LOG.warn("Created a new master key in {}. Back it up: PassTicket keys and TOTP secrets in the database cannot be"
                + " read without it. Every node sharing this store needs this same key (copy the file).", file);
    }

    private static byte[] parse(String text, String source) {
        String hex = text.trim();
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalStateException(source + ": a master key is 64 hexadecimal digits");
        }
        return HexFormat.of().parseHex(hex);
    }
}
