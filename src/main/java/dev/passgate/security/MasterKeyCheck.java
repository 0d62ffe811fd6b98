package dev.passgate.security;

import dev.passgate.store.BootstrapLock;
import dev.passgate.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * One master key for every node of a store. The first node to start records a check value made
 * from its key (an HMAC of a fixed label: it tells whether two keys are equal, and nothing of
 * the key); every later start compares its key with it and is refused on a mismatch, before it
 * could seal a secret the other nodes cannot open or fail on one they sealed. A node that has no
 * key file makes one only for a store that has no key yet.
 */
public final class MasterKeyCheck {

    private static final String LABEL = "PassGate master key check v1";

    private MasterKeyCheck() {
    }

    /**
     * The key this node uses: the one it found, once it matches the store's; or, for a store with no
     * key yet, a key made now in the key file.
     *
     * @param found   what {@link MasterKeys#find} found (empty: no key file, creating allowed)
     * @param keyFile the key file setting's path, named in the messages
     * @throws IllegalStateException when the key is not the store's, or there is none and the store has one
     */
    public static byte[] settle(DataSource dataSource, Optional<byte[]> found, Path keyFile) {
        return BootstrapLock.exclusively(dataSource, () -> {
            Jdbc jdbc = new Jdbc(dataSource);
            Optional<String> stored = stored(jdbc);
            if (found.isEmpty() && (stored.isPresent() || hasSealedState(jdbc))) {
                throw new IllegalStateException("no master key here, but this store already has one (other nodes use"
                        + " it): copy " + keyFile + " from a running node (" + SecuritySettings.MASTER_KEY_FILE + "), or set "
                        + SecuritySettings.MASTER_KEY + " to that key (best from the environment as"
                        + " PASSGATE_SECURITY_MASTER_KEY); a key made here could not open the store's secrets");
            }
            byte[] key = found.orElseGet(() -> MasterKeys.create(keyFile));
            String mine = checkValue(key);
            if (stored.isEmpty()) {
                stored = record(jdbc, mine);
            }
            if (!MessageDigest.isEqual(mine.getBytes(StandardCharsets.US_ASCII),
                    stored.orElseThrow().getBytes(StandardCharsets.US_ASCII))) {
                throw new IllegalStateException("this node's master key is not the cluster's: copy " + keyFile
                        + " from a running node (" + SecuritySettings.MASTER_KEY_FILE + "), or set "
                        + SecuritySettings.MASTER_KEY + " to the cluster's key; every node sharing a store needs the same"
                        + " master key");
            }
            return key;
        });
    }

    /** HMAC-SHA-256 of a fixed label under the key, in hex. */
    static String checkValue(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(LABEL.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Optional<String> stored(Jdbc jdbc) {
        return jdbc.queryOne("SELECT check_value FROM passgate_key_check WHERE id = 1", rs -> rs.getString(1));
    }

    /**
     * A store older than the check value that already sealed something under some key (the cluster's
     * UTOKEN key is sealed by the first start): a key made now would not open it.
     */
    private static boolean hasSealedState(Jdbc jdbc) {
        return jdbc.queryOne("SELECT COUNT(*) FROM passgate_cluster", rs -> rs.getInt(1)).orElse(0) > 0;
    }

    private static Optional<String> record(Jdbc jdbc, String value) {
        try {
            jdbc.update("INSERT INTO passgate_key_check (id, check_value, created_at) VALUES (1, ?, ?)", value,
                    System.currentTimeMillis());
            return Optional.of(value);
        } catch (Jdbc.StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            return stored(jdbc); // another node of an embedded store recorded its key at the same moment
        }
    }
}
