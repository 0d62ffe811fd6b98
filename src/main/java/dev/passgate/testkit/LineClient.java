package dev.passgate.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A test client speaking the protocol over a real socket: one JSON line out, one line back. */
public final class LineClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    public LineClient(int port) throws IOException {
        this(null, port);
    }

    /** @param from a local loopback address to connect from (127.0.0.2 plays "another machine"), or null */
    public LineClient(String from, int port) throws IOException {
        this(connect(new Socket(), from, port));
    }

    /** Over a socket the test connected itself (a PartnerSocket, for instance). */
    public LineClient(Socket connected) throws IOException {
        socket = connected;
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    /** Connects the socket to the loopback port, from a given local address or null. */
    public static Socket connect(Socket socket, String from, int port) throws IOException {
        if (from != null) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        }
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        return socket;
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void send(String line) throws IOException {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The next line as JSON, or null when the server closed the connection. */
    public JsonNode read() throws IOException {
        String line = in.readLine();
        return line == null ? null : JSON.readTree(line);
    }

    public JsonNode request(String line) throws IOException {
        send(line);
        return read();
    }

    /** "OK" for a success reply, else its error code. */
    public static String code(JsonNode reply) {
        return reply.get("ok").asBoolean() ? "OK" : reply.at("/error/code").asText();
    }

    /** Whether the server has closed the connection (reads end of stream). */
    public boolean closedByServer() throws IOException {
        return in.readLine() == null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
