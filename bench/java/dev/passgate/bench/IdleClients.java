package dev.passgate.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child process of the harness: opens COUNT sessions on a PassGate daemon, prints
 * "READY n failed", then holds them idle until its standard input closes. Clients live in
 * their own process so the server's process holds only the server side of each session.
 */
public final class IdleClients {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < count; i++) {
            pool.execute(() -> {
                try {
                    held.add(PassGateClient.session(port, BenchServer.USER, BenchServer.PASSWORD));
                } catch (Exception e) {
                    if (failed.incrementAndGet() <= 3) {
                        System.err.println("session failed: " + e);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        System.out.println("READY " + held.size() + " " + failed.get());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine(); // hold until the harness lets go
        for (Socket s : held) {
            s.close();
        }
    }
}
