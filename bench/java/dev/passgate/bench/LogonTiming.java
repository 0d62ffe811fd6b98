package dev.passgate.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.passgate.PassGate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.LoggerFactory;

/**
 * The attacker's timing test, as a statistical check outside the test run: users are created
 * at one PBKDF2 setting, PassGate restarts with the setting doubled (as the README invites),
 * then refused logons of an unknown user, a wrong password and a revoked user are timed in
 * turn over real sockets. Prints each mean and Welch's z against the unknown user; |z| well
 * under 3 means the time does not tell them apart.
 *
 * <pre>
 * javac -d /tmp/timing -cp target/passgate.jar bench/java/dev/passgate/bench/{LogonTiming,BenchServer}.java
 * java -cp /tmp/timing:target/passgate.jar dev.passgate.bench.LogonTiming [samples, 50] [stored iterations, 105000]
 * </pre>
 */
public final class LogonTiming {

    private LogonTiming() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 105_000;
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path data = Files.createTempDirectory("passgate-timing");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String masterKey = HexFormat.of().formatHex(key);
        int port = BenchServer.freePort();
        try (Running first = new Running(data, masterKey, port, iterations)) {
            first.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER REV PASSWORD(Secret1) NOEXPIRED",
                    "ALTUSER REV REVOKE", "SETROPTS PASSWORD(NOREVOKE)");
        }
        try (Running raised = new Running(data, masterKey, port, 2 * iterations)) {
            String[] requests = {
                "{\"op\":\"logon\",\"user\":\"NOBODY\",\"password\":\"Guess1\"}",
                "{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Guess1\"}",
                "{\"op\":\"logon\",\"user\":\"REV\",\"password\":\"Guess1\"}"};
            String[] names = {"unknown user", "wrong password", "revoked user"};
            double[][] ms = new double[3][samples];
            for (int i = 0; i < 10; i++) {
                for (String r : requests) {
                    time(port, r); // warm-up
                }
            }
            for (int i = 0; i < samples; i++) {
                for (int k = 0; k < 3; k++) {
                    ms[k][i] = time(port, requests[k]);
                }
            }
            System.out.printf("stored at %,d iterations, configured %,d; %d samples each%n", iterations,
                    2 * iterations, samples);
            for (int k = 0; k < 3; k++) {
                System.out.printf("%-15s mean %7.2f ms  sd %6.2f%s%n", names[k], mean(ms[k]), sd(ms[k]),
                        k == 0 ? "" : String.format("  z vs unknown %+.2f", z(ms[k], ms[0])));
            }
        }
    }

    private static double time(int port, String request) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            long start = System.nanoTime();
            out.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String reply = in.readLine();
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (reply == null || reply.contains("\"ok\":true")) {
                throw new IllegalStateException("unexpected reply " + reply);
            }
            return elapsed;
        }
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / (x.length - 1));
    }

    /** Welch's statistic for the difference of two means. */
    private static double z(double[] a, double[] b) {
        return (mean(a) - mean(b)) / Math.sqrt(sd(a) * sd(a) / a.length + sd(b) * sd(b) / b.length);
    }

    /** PassGate on a given data folder and setting; restarted on the same folder to change the setting. */
    private static final class Running implements AutoCloseable {
        private final CamelContext context = new DefaultCamelContext();
        private final PassGate passGate;

        Running(Path data, String masterKey, int port, int iterations) throws Exception {
            var p = context.getPropertiesComponent();
            p.addInitialProperty("passgate.data.dir", data.toString());
            p.addInitialProperty("passgate.security.master-key", masterKey);
            p.addInitialProperty("passgate.security.password-iterations", Integer.toString(iterations));
            p.addInitialProperty("passgate.security.bootstrap-file", data.resolve("none.racf").toString());
            p.addInitialProperty("passgate.daemon.host", "127.0.0.1");
            p.addInitialProperty("passgate.daemon.port", Integer.toString(port));
            p.addInitialProperty("passgate.logon.max-failures-per-minute", "1000000");
            ((Logger) LoggerFactory.getLogger("dev.passgate")).setLevel(Level.WARN);
            ((Logger) LoggerFactory.getLogger("org.apache.camel")).setLevel(Level.WARN);
            passGate = PassGate.install(context);
            context.start();
        }

        void admin(String... commands) {
            for (String c : commands) {
                var r = passGate.security().commands().execute(c, "BENCH");
                if (!r.ok()) {
                    throw new IllegalStateException(c + " -> " + r.lines());
                }
            }
        }

        @Override
        public void close() throws Exception {
            context.close();
        }
    }
}
