package dev.passgate.bench;

import dev.passgate.passticket.EnhancedPassTicketAlgorithm;
import dev.passgate.passticket.LegacyPassTicketAlgorithm;
import dev.passgate.passticket.PassTicketDefinition;
import dev.passgate.passticket.PassTicketEvaluator;
import dev.passgate.passticket.PassTicketKey;
import dev.passgate.passticket.PassTicketType;
import dev.passgate.passticket.ReplayStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PassTicket generate and evaluate throughput per algorithm, next to the cipher work neither
 * can avoid: 8 single-block DES encryptions (legacy) and 7 HMAC-SHA-512 (enhanced) with the
 * same message sizes. The ratio of a "raw" line to its operation is the overhead PassGate adds.
 *
 * <p>Run: {@code mvn -Pbench -DskipTests package exec:exec}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PassTicketBenchmark {

    private static final String USER = "IBMUSER";
    private static final String APPLID = "TSOR001";
    private static final long TIME = 1_700_000_000L;

    private LegacyPassTicketAlgorithm legacy;
    private EnhancedPassTicketAlgorithm upper;
    private EnhancedPassTicketAlgorithm mixed;
    private String legacyTicket;
    private String upperTicket;
    private String mixedTicket;
    private PassTicketEvaluator legacyEvaluator;
    private PassTicketEvaluator mixedEvaluator;

    private Cipher des;
    private Mac hmac;
    private final byte[] block = new byte[8];
    private final byte[] ua = new byte[16];
    private final byte[] roundInput = new byte[20];
    private final byte[] hmacOut = new byte[64];
    private long time = TIME;

    @Setup
    public void setUp() throws Exception {
        PassTicketKey legacyKey = PassTicketKey.legacyHex("E001193519561977");
        byte[] k = new byte[64];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) i;
        }
        PassTicketKey enhancedKey = PassTicketKey.enhanced(k);
        legacy = new LegacyPassTicketAlgorithm(legacyKey);
        upper = new EnhancedPassTicketAlgorithm(enhancedKey, PassTicketType.UPPER);
        mixed = new EnhancedPassTicketAlgorithm(enhancedKey, PassTicketType.MIXED);
        legacyTicket = legacy.generate(USER, APPLID, TIME);
        upperTicket = upper.generate(USER, APPLID, TIME);
        mixedTicket = mixed.generate(USER, APPLID, TIME);

        Clock clock = Clock.fixed(Instant.ofEpochSecond(TIME), ZoneOffset.UTC);
        PassTicketDefinition legacyDef = new PassTicketDefinition(APPLID, legacyKey, null, null, 60, false, null);
        PassTicketDefinition mixedDef = new PassTicketDefinition(APPLID, null, enhancedKey, PassTicketType.MIXED, 60, false, null);
        legacyEvaluator = new PassTicketEvaluator(n -> Optional.of(legacyDef), ReplayStore.NONE, clock);
        mixedEvaluator = new PassTicketEvaluator(n -> Optional.of(mixedDef), ReplayStore.NONE, clock);

        des = Cipher.getInstance("DES/ECB/NoPadding");
        des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(legacyKey.bytes(), "DES"));
        hmac = Mac.getInstance("HmacSHA512");
        hmac.init(new SecretKeySpec(k, "HmacSHA512"));
    }

    // --- legacy -------------------------------------------------------------------

    @Benchmark
    public String legacyGenerate() {
        return legacy.generate(USER, APPLID, time++ & 0xFFFF_FFFFL);
    }

    @Benchmark
    public long legacyEvaluate() {
        return legacy.generationTime(USER, APPLID, legacyTicket, TIME).getAsLong();
    }

    /** Evaluation through the evaluator: profile lookup, window check, outcome (no replay store). */
    @Benchmark
    public Object legacyEvaluateService() {
        return legacyEvaluator.evaluate(USER, APPLID, legacyTicket);
    }

    @Benchmark
    public byte[] legacyRaw8Des() throws Exception {
        for (int i = 0; i < 8; i++) {
            des.doFinal(block, 0, 8, block, 0);
        }
        return block;
    }

    // --- enhanced -----------------------------------------------------------------

    @Benchmark
    public String mixedGenerate() {
        return mixed.generate(USER, APPLID, time++);
    }

    @Benchmark
    public long mixedEvaluate() {
        return mixed.generationTime(USER, APPLID, mixedTicket, TIME).getAsLong();
    }

    @Benchmark
    public Object mixedEvaluateService() {
        return mixedEvaluator.evaluate(USER, APPLID, mixedTicket);
    }

    @Benchmark
    public String upperGenerate() {
        return upper.generate(USER, APPLID, time++);
    }

    @Benchmark
    public long upperEvaluate() {
        return upper.generationTime(USER, APPLID, upperTicket, TIME).getAsLong();
    }

    /** One HMAC over 16 bytes (user and APPLID) and six over 20 bytes (a round's input). */
    @Benchmark
    public byte[] enhancedRaw7Hmac() throws Exception {
        hmac.update(ua);
        hmac.doFinal(hmacOut, 0);
        for (int n = 1; n <= 6; n++) {
            roundInput[3] = (byte) n;
            hmac.update(roundInput);
            hmac.doFinal(hmacOut, 0);
        }
        return hmacOut;
    }
}
