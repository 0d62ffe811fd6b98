package dev.passgate.server;

import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * The listening socket of one port handoff. It differs from Netty's own in one thing: the
 * connection it accepts has no parent. Netty's accepted channel keeps a reference to its server
 * channel for as long as it lives, and a handoff's listener is closed the moment its client is
 * in; so every idle session would keep a dead listener (its socket object, pipeline and
 * selection key: 1.6 KiB) on the heap. Nothing of PassGate asks for the parent.
 */
final class OneShotServerChannel extends NioServerSocketChannel {

    @Override
    protected int doReadMessages(List<Object> buf) throws Exception {
        SocketChannel accepted = javaChannel().accept();
        if (accepted == null) {
            return 0;
        }
        try {
            buf.add(new NioSocketChannel(null, accepted));
            return 1;
        } catch (RuntimeException e) {
            // as Netty does: a connection that cannot be set up is closed, and the listener goes on
            try {
                accepted.close();
            } catch (IOException ignored) {
                // already gone
            }
            return 0;
        }
    }
}
