package dev.passgate.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-use client IDs for the reconnect: 192 random bits, URL-safe, bound to the address
 * that logged on, valid until the handoff times out.
 *
 * <p>IDs are kept only as SHA-256 digests, so looking one up reveals nothing through
 * timing and a memory dump holds no usable ID.
 *
 * @param <T> what the daemon parks for the client (its pending session)
 */
public final class ClientIdRegistry<T> {

    private static final int RANDOM_BYTES = 24;

    /** Why a redeem failed; each is answered INVALID_CLIENT_ID, the difference is for the log. */
    public enum Refusal {
        UNKNOWN, EXPIRED, WRONG_ADDRESS
    }

    /** The outcome of offering an ID: the parked value, or why not. */
    public record Redemption<T>(T value, Refusal refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    private record Entry<T>(T value, String address, long expiresAt) {
    }

    private final Map<String, Entry<T>> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final boolean bindAddress;

    /** @param bindAddress {@code passgate.server.bind-client-ip}: only the logon's address may redeem */
    public ClientIdRegistry(Clock clock, boolean bindAddress) {
        this.clock = clock;
        this.bindAddress = bindAddress;
    }

    /** Parks a value and returns the new ID; the ID itself is not kept. */
    public String issue(T value, String address, long validMillis) {
        byte[] raw = new byte[RANDOM_BYTES];
        random.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        pending.put(digest(id), new Entry<>(value, address, clock.millis() + validMillis));
        return id;
    }

    /**
     * Redeems an ID: on success the ID is used up. A wrong address leaves it waiting for the
     * right client; an expired one is forgotten.
     */
    public Redemption<T> redeem(String id, String address) {
        if (id == null || id.isEmpty()) {
            return new Redemption<>(null, Refusal.UNKNOWN);
        }
        String key = digest(id);
        Entry<T> e = pending.get(key);
        if (e == null) {
            return new Redemption<>(null, Refusal.UNKNOWN);
        }
        if (clock.millis() > e.expiresAt()) {
            pending.remove(key, e);
            return new Redemption<>(null, Refusal.EXPIRED);
        }
        if (bindAddress && !e.address().equals(address)) {
            return new Redemption<>(null, Refusal.WRONG_ADDRESS);
        }
        // remove(key, e) is atomic: of two simultaneous redeems only one wins.
        return pending.remove(key, e) ? new Redemption<>(e.value(), null) : new Redemption<>(null, Refusal.UNKNOWN);
    }

    /** Forgets a parked value (its handoff failed or timed out); returns whether it was still there. */
    public boolean withdraw(T value) {
        return pending.values().removeIf(e -> e.value() == value);
    }

    public int size() {
        return pending.size();
    }

    private static String digest(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ClientIdRegistry[" + pending.size() + " pending]";
    }
}
