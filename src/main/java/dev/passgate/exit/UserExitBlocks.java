package dev.passgate.exit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The user exit blocks, one per user ID and client address, and what keeps each alive: logons
 * under way, ports handed out and not yet connected to, and sessions. A block is forgotten the
 * moment none of these is left, whichever way the last one ended (a failed logon, an expired
 * handoff, a logout), so the map holds only combinations that are in use.
 */
final class UserExitBlocks {

    /** One combination's block and its holds; guarded by its own monitor. */
    static final class Combination {
        final String key;
        final UserExitBlock block = new UserExitBlock();
        int logons;
        int sessions;
        final Deque<Object> handoffs = new ArrayDeque<>();

        Combination(String key) {
            this.key = key;
        }

        boolean inUse() {
            return logons > 0 || sessions > 0 || !handoffs.isEmpty();
        }
    }

    private final Map<String, Combination> combinations = new ConcurrentHashMap<>();

    static String key(String user, String address) {
        return user + "@" + address;
    }

    /**
     * A logon of the combination begins. {@code firstUse} runs (under the combination's lock) when
     * nothing else keeps the combination alive: that is the new-session event.
     */
    <T> T logonBegins(String user, String address, Function<Combination, T> firstUse, T otherwise) {
        while (true) {
            Combination c = combinations.computeIfAbsent(key(user, address), Combination::new);
            synchronized (c) {
                if (combinations.get(c.key) != c) {
                    continue; // forgotten meanwhile: start over with a fresh one
                }
                boolean first = !c.inUse();
                c.logons++;
                return first ? firstUse.apply(c) : otherwise;
            }
        }
    }

    /** The logon ended; on success its handoff (the token) keeps the block until it is connected to or expires. */
    void logonEnds(String user, String address, Object handoff) {
        Combination c = combinations.get(key(user, address));
        if (c == null) {
            return;
        }
        synchronized (c) {
            c.logons = Math.max(0, c.logons - 1);
            if (handoff != null) {
                c.handoffs.addLast(handoff);
            }
            forgetIfUnused(c);
        }
    }

    /** A session started: it takes over the oldest handoff of its combination, returned to be cancelled. */
    Optional<Object> sessionStarts(String user, String address) {
        while (true) {
            Combination c = combinations.computeIfAbsent(key(user, address), Combination::new);
            synchronized (c) {
                if (combinations.get(c.key) != c) {
                    continue;
                }
                c.sessions++;
                return Optional.ofNullable(c.handoffs.pollFirst());
            }
        }
    }

    /** A handoff expired unused; true if it was still pending (no session took it). */
    boolean handoffExpires(String user, String address, Object handoff) {
        Combination c = combinations.get(key(user, address));
        if (c == null) {
            return false;
        }
        synchronized (c) {
            boolean pending = c.handoffs.remove(handoff);
            forgetIfUnused(c);
            return pending;
        }
    }

    /** A session ended. */
    void sessionEnds(String user, String address) {
        Combination c = combinations.get(key(user, address));
        if (c == null) {
            return;
        }
        synchronized (c) {
            c.sessions = Math.max(0, c.sessions - 1);
            forgetIfUnused(c);
        }
    }

    /** The block of a combination in use; a detached empty one otherwise. */
    UserExitBlock block(String user, String address) {
        Combination c = combinations.get(key(user, address));
        return c == null ? new UserExitBlock() : c.block;
    }

    boolean contains(String user, String address) {
        return combinations.containsKey(key(user, address));
    }

    int size() {
        return combinations.size();
    }

    void clear() {
        combinations.clear();
    }

    private void forgetIfUnused(Combination c) {
        if (!c.inUse()) {
            combinations.remove(c.key, c);
        }
    }
}
