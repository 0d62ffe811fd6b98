package dev.passgate.session;

import io.netty.channel.Channel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sessions this node holds, by id. */
public final class SessionRegistry {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public void add(Session session, Channel channel) {
        session.attach(channel);
        sessions.put(session.id(), session);
    }

    public Optional<Session> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    public List<Session> ofUser(String user) {
        return sessions.values().stream().filter(s -> s.user().equals(user)).toList();
    }

    public Collection<Session> all() {
        return List.copyOf(sessions.values());
    }

    /** Drops a session from memory without ending it; for tests that play a crashed process. */
    public void forget(Session session) {
        sessions.remove(session.id(), session);
    }

    public int size() {
        return sessions.size();
    }

    /**
     * Ends a session: removes it, gives back its pool place and closes its socket after
     * the optional last line (an event such as {"event":"timeout"}). True only the first time.
     */
    public boolean end(Session session, String lastLine) {
        // Give the pool place back first: once a session is gone from the registry, its place is free.
        boolean first = session.end();
        sessions.remove(session.id(), session);
        if (!first) {
            return false;
        }
        Channel ch = session.channel();
        if (ch != null && ch.isActive()) {
            if (lastLine != null) {
                ch.writeAndFlush(lastLine + "\n").addListener(f -> ch.close());
            } else {
                ch.close();
            }
        }
        return true;
    }
}
