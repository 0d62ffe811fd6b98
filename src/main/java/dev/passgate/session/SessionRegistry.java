package dev.passgate.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/** The sessions this node holds, by id, and the one way to write to their sockets: in each session's order. */
public final class SessionRegistry {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /**
     * Writes asked for while a session's connect reply is not out yet (an operator's message, a
     * cancel): they wait for it, so that the client's first line is always that reply.
     */
    private final Map<Session, List<Consumer<Channel>>> beforeConnectReply = new HashMap<>();

    /** Registers a session whose connect reply is still to be sent; see {@link #connectReplySent}. */
    public void add(Session session, Channel channel) {
        session.attach(channel);
        synchronized (beforeConnectReply) {
            beforeConnectReply.put(session, new ArrayList<>());
        }
        sessions.put(session.id(), session);
        // A connection gone before its reply went out holds nothing back.
        channel.closeFuture().addListener(f -> connectReplySent(session));
    }

    /** The session's connect reply is written: the lines that waited for it follow, in order. */
    public void connectReplySent(Session session) {
        synchronized (beforeConnectReply) {
            List<Consumer<Channel>> waiting = beforeConnectReply.remove(session);
            if (waiting != null) {
                waiting.forEach(write -> submit(session, write));
            }
        }
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
     * First half of ending a session: marks it ended, gives back its pool place and removes
     * it. True only the first time, so whoever gets true ends it and nobody else does.
     */
    public boolean release(Session session) {
        // Give the pool place back first: once a session is gone from the registry, its place is free.
        boolean first = session.end();
        sessions.remove(session.id(), session);
        return first;
    }

    /**
     * Sends one line (an event such as the operator's message) to a session's client, in the
     * session's order: after the replies of the requests already queued, never after its end.
     */
    public void send(Session session, String line) {
        inOrder(session, ch -> ch.writeAndFlush(line));
    }

    /**
     * Second half: closes the socket after the optional last line (an event such as
     * {"event":"timeout"}), in the session's order, so that a request still running gets its
     * reply out first, and nothing is written after the close.
     */
    public void close(Session session, String lastLine) {
        inOrder(session, ch -> {
            if (lastLine != null) {
                ch.writeAndFlush(lastLine).addListener(ChannelFutureListener.CLOSE);
            } else {
                ch.close();
            }
        });
    }

    /** Every write to a session's socket goes through here, on the session's serial executor. */
    private void inOrder(Session session, Consumer<Channel> write) {
        synchronized (beforeConnectReply) {
            List<Consumer<Channel>> waiting = beforeConnectReply.get(session);
            if (waiting != null) {
                waiting.add(write);
                return;
            }
            // Submitted under the lock, so none overtakes the lines connectReplySent is handing on.
            submit(session, write);
        }
    }

    private static void submit(Session session, Consumer<Channel> write) {
        Runnable task = () -> {
            Channel ch = session.channel();
            if (ch != null && ch.isActive()) {
                write.accept(ch);
            }
        };
        try {
            session.executor().execute(task);
        } catch (RejectedExecutionException stopped) {
            task.run(); // the session's pool has stopped: nothing is queued that could come first
        }
    }

    /** Both halves at once, for sessions that end without an audit (tests, a stopping node's leftovers). */
    public boolean end(Session session, String lastLine) {
        if (!release(session)) {
            return false;
        }
        close(session, lastLine);
        return true;
    }
}
