package dev.passgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/** One protocol connection of the CLI's clients: a JSON line out, a JSON line back (events in between skipped). */
final class ProtocolLine implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket = new Socket();
    private final BufferedReader in;
    private final OutputStream out;

    /** @param what what listens there and the options and setting that say where, for the refusal's message */
    ProtocolLine(String host, int port, String what) throws IOException {
        try {
            socket.connect(new InetSocketAddress(host, port), 10_000);
        } catch (ConnectException e) {
            socket.close();
            throw new ConnectException("cannot connect to " + what + " at " + host + ":" + port + " ("
                    + e.getMessage() + "): is passgate serve running there, on that port?");
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new SocketTimeoutException("no answer from " + what + " at " + host + ":" + port
                    + " within 10 s (a firewall, or the wrong host?)");
        } catch (UnknownHostException e) {
            socket.close();
            throw new UnknownHostException("unknown host " + host + " (" + what + ")");
        }
        socket.setSoTimeout(60_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    /** The reply to the line, or null when the other side closed first. */
    JsonNode exchange(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String reply = in.readLine();
        while (reply != null && reply.contains("\"event\"") && !reply.contains("\"ok\"")) {
            reply = in.readLine(); // events (messages) may arrive between replies
        }
        return reply == null ? null : JSON.readTree(reply);
    }

    /** Sends one operation, prints its reply and logs out; 0 when the operation succeeded, else 1. */
    int once(String request, PrintWriter out) throws IOException {
        JsonNode reply = exchange(request);
        out.println(reply);
        exchange("{\"op\":\"logout\"}");
        return reply != null && reply.path("ok").asBoolean() ? 0 : 1;
    }

    /** Sends every non-blank line of standard input and prints each reply; 1 when the other side closes first. */
    int relayStandardInput(PrintWriter out, PrintWriter err, String closed) throws IOException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = stdin.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode reply = exchange(line);
            if (reply == null) {
                err.println("passgate: " + closed);
                return 1;
            }
            out.println(reply);
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
