package dev.passgate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The one line codec of every port: framing by bytes, UTF-8 both ways, and the LINE_TOO_LONG answer. */
class LineCodecTest {

    private static final int LIMIT = 16;

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new ChannelInitializer<EmbeddedChannel>() {
            @Override
            protected void initChannel(EmbeddedChannel ch) {
                new LineCodec(LIMIT).addTo(ch.pipeline());
            }
        });
    }

    private static void receive(EmbeddedChannel ch, String bytes) {
        ch.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.UTF_8));
    }

    private static String sent(EmbeddedChannel ch) {
        ByteBuf out = ch.readOutbound();
        if (out == null) {
            return null;
        }
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    @Test
    void linesAreSplitAtTheNewlineAndReadAsUtf8() {
        EmbeddedChannel ch = channel();
        receive(ch, "{\"op\":\"é\"}\r\n{\"op\"");
        receive(ch, ":\"b\"}\n");
        assertEquals("{\"op\":\"é\"}", ch.readInbound(), "\\r\\n ends a line too");
        assertEquals("{\"op\":\"b\"}", ch.readInbound());
        assertNull(ch.readInbound());
    }

    @Test
    void theLimitCountsUtf8BytesWithoutTheNewline() {
        EmbeddedChannel exact = channel();
        receive(exact, "é".repeat(LIMIT / 2) + "\n"); // 16 bytes, 8 characters
        assertEquals("é".repeat(LIMIT / 2), exact.readInbound());
        assertTrue(exact.isActive());

        EmbeddedChannel over = channel();
        receive(over, "é".repeat(LIMIT / 2) + "x\n"); // 17 bytes, 9 characters
        assertNull(over.readInbound());
        assertEquals("LINE_TOO_LONG", code(sent(over)));
    }

    @Test
    void anOversizedLineIsAnsweredOnceThenTheConnectionClosesAndNothingAfterItIsRead() throws Exception {
        EmbeddedChannel ch = channel();
        receive(ch, "x".repeat(LIMIT * 4) + "\n{\"op\":\"whoami\"}\n");
        String reply = sent(ch);
        assertEquals("{\"ok\":false,\"error\":{\"code\":\"LINE_TOO_LONG\",\"message\":\"the request line is too long\"}}\n",
                reply, "the reply documented in docs/protocol.md, as one line");
        assertNull(sent(ch), "answered once");
        assertNull(ch.readInbound(), "the line after it is not read");
        assertFalse(ch.isActive(), "closed after the reply");
    }

    @Test
    void aLineTooLongIsRefusedBeforeItsEndArrives() {
        EmbeddedChannel ch = channel();
        receive(ch, "x".repeat(LIMIT + 1)); // no newline yet: a client streaming an endless line
        assertEquals("LINE_TOO_LONG", code(sent(ch)));
        assertFalse(ch.isActive());
    }

    @Test
    void eachTextWrittenIsOneLine() {
        EmbeddedChannel ch = channel();
        ch.writeOutbound("{\"ok\":true,\"text\":\"ü\"}");
        ch.writeOutbound("{\"ok\":true}\n");
        assertEquals("{\"ok\":true,\"text\":\"ü\"}\n", sent(ch));
        assertEquals("{\"ok\":true}\n", sent(ch), "a text with its newline gets no second one");
    }

    @Test
    void withOrderedRepliesTheAnswerWaitsForTheQueuedOnes() {
        EmbeddedChannel ch = channel();
        Queue<Runnable> queue = new ArrayDeque<>();
        Executor ordered = queue::add;
        LineCodec.writeRepliesOn(ch, ordered);
        queue.add(() -> ch.writeAndFlush("{\"id\":1,\"ok\":true}"));
        receive(ch, "x".repeat(LIMIT + 1) + "\n");
        assertNull(sent(ch), "nothing goes out ahead of the queue");
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
        ch.runPendingTasks();
        assertEquals("{\"id\":1,\"ok\":true}\n", sent(ch));
        assertEquals("LINE_TOO_LONG", code(sent(ch)));
        assertFalse(ch.isActive());
    }

    private static String code(String line) {
        try {
            return new ObjectMapper().readTree(line).at("/error/code").asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
