package dev.passgate.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal protocol client for the harness: plain sockets, string matching, no JSON library in the loop. */
final class PassGateClient {

    private PassGateClient() {
    }

    /** One line out, one line back. */
    static String exchange(Socket s, BufferedReader in, String line) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return in.readLine();
    }

    static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":");
        if (i < 0) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        int start = i + name.length() + 3;
        if (json.charAt(start) == '"') {
            return json.substring(start + 1, json.indexOf('"', start + 1));
        }
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)))) {
            end++;
        }
        return json.substring(start, end);
    }

    /** Logs on and reconnects; returns the open session socket. */
    static Socket session(int daemonPort, String user, String password) throws IOException {
        String reply;
        try (Socket d = new Socket(InetAddress.getLoopbackAddress(), daemonPort)) {
            reply = exchange(d, reader(d), "{\"op\":\"logon\",\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        }
        if (reply == null || !reply.contains("\"ok\":true")) {
            throw new IOException("logon failed: " + reply);
        }
        Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(field(reply, "port")));
        String connected = exchange(s, reader(s), "{\"op\":\"connect\",\"clientId\":\"" + field(reply, "clientId") + "\"}");
        if (connected == null || !connected.contains("\"ok\":true")) {
            s.close();
            throw new IOException("connect failed: " + connected);
        }
        return s;
    }

    /** The harness's complete cycle: logon, reconnect, one miner request, logout. */
    static void cycle(int daemonPort) throws IOException {
        try (Socket s = session(daemonPort, BenchServer.USER, BenchServer.PASSWORD)) {
            BufferedReader in = reader(s);
            String list = exchange(s, in, "{\"op\":\"files.list\",\"path\":\"/u/bench\"}");
            if (list == null || !list.contains("\"ok\":true")) {
                throw new IOException("files.list failed: " + list);
            }
            exchange(s, in, "{\"op\":\"logout\"}");
        }
    }
}
