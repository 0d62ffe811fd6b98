package dev.passgate.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-use client IDs for the reconnect: 192 random bits, URL-safe, bound to the
 * {@link Handoff} (the one listener) it was issued for and to the address that logged
 * on, valid until the handoff times out.
 *
 * <p>An ID is looked up by its handoff, never by its value, so an ID offered on another
 * handoff's port is simply wrong there: it neither redeems its own logon on a foreign
 * listener nor disturbs the logon that listener waits for. IDs are kept only as SHA-256
 * digests (a memory dump holds no usable ID) and compared in constant time.
 *
 * @param <T> what the daemon parks for the client (its pending session)
 */
public final class ClientIdRegistry<T> {

    private static final int RANDOM_BYTES = 24;

    /** Why a redeem failed; each is answered INVALID_CLIENT_ID, the difference is for the log. */
    public enum Refusal {
        /** Nothing waits on this handoff (any more): used, withdrawn, or never issued. */
        UNKNOWN,
        /** Something waits here, but for another ID. */
        WRONG_ID,
        EXPIRED,
        WRONG_ADDRESS
    }

    /** The outcome of offering an ID: the parked value, or why not. */
    public record Redemption<T>(T value, Refusal refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    /**
     * The place a client ID can be redeemed: one per handoff listener, made before the
     * listener is bound so that its handshake knows where it is. Equal only to itself.
     */
    public static final class Handoff {
        @Override
        public String toString() {
            return "Handoff@" + Integer.toHexString(System.identityHashCode(this));
        }
    }

    private record Entry<T>(byte[] digest, T value, String address, long expiresAt) {
    }

    private final Map<Handoff, Entry<T>> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final boolean bindAddress;

    /** @param bindAddress {@code passgate.server.bind-client-ip}: only the logon's address may redeem */
    public ClientIdRegistry(Clock clock, boolean bindAddress) {
        this.clock = clock;
        this.bindAddress = bindAddress;
    }

    /**
     * Parks a value on a handoff and returns the new ID; the ID itself is not kept.
     *
     * @throws IllegalStateException when the handoff already has an ID (one client per listener)
     */
    public String issue(Handoff handoff, T value, String address, long validMillis) {
        byte[] raw = new byte[RANDOM_BYTES];
        random.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        if (pending.putIfAbsent(handoff, new Entry<>(digest(id), value, address, clock.millis() + validMillis)) != null) {
            throw new IllegalStateException("this handoff already has a client ID");
        }
        return id;
    }

    /**
     * Redeems an ID on the handoff whose listener it was offered to: on success the ID is
     * used up. A wrong ID or a wrong address leaves the handoff waiting for its client; an
     * expired one is forgotten.
     */
    public Redemption<T> redeem(Handoff handoff, String id, String address) {
        Entry<T> e = handoff == null ? null : pending.get(handoff);
        if (e == null || id == null) {
            return new Redemption<>(null, Refusal.UNKNOWN);
        }
        if (clock.millis() > e.expiresAt()) {
            pending.remove(handoff, e);
            return new Redemption<>(null, Refusal.EXPIRED);
        }
        if (!MessageDigest.isEqual(e.digest(), digest(id))) {
            return new Redemption<>(null, Refusal.WRONG_ID);
        }
        if (bindAddress && !e.address().equals(address)) {
            return new Redemption<>(null, Refusal.WRONG_ADDRESS);
        }
        // remove(key, e) is atomic: of two simultaneous redeems only one wins.
        return pending.remove(handoff, e) ? new Redemption<>(e.value(), null) : new Redemption<>(null, Refusal.UNKNOWN);
    }

    /** Forgets a handoff's ID (its handoff ended); returns whether it was still unused. */
    public boolean withdraw(Handoff handoff) {
        return pending.remove(handoff) != null;
    }

    /** Client IDs issued and neither used nor withdrawn yet. */
    public int size() {
        return pending.size();
    }

    private static byte[] digest(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ClientIdRegistry[" + pending.size() + " pending]";
    }
}
