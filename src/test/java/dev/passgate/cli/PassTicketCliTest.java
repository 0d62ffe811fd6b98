package dev.passgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HexFormat;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code passgate passticket ...} exactly as other tools call it: output, exit codes, one-line errors. */
class PassTicketCliTest {

    private static final String SPEC_ENHANCED_KEY = HexFormat.of().formatHex(toBytes(IntStream.range(0, 64)));

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PassGateCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static byte[] toBytes(IntStream values) {
        int[] v = values.toArray();
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void generatePrintsTheTicketAlone() {
        Run r = run("passticket", "generate", "--user", "ibmuser", "--applid", "TSOR001", "--key", "E001193519561977",
                "--time", "1700000000");
        assertEquals(0, r.exit);
        assertEquals("ZVQLMCAN\n", r.out);
        assertEquals("", r.err);
    }

    @ParameterizedTest
    @CsvSource({"upper, 1TAR4UNX", "mixed, pqzissRU"})
    void generateEnhancedOfEitherType(String type, String expected) {
        Run r = run("passticket", "generate", "--user", "IBMUSER", "--applid", "TSOR001", "--key", SPEC_ENHANCED_KEY,
                "--type", type, "--time", "1700000000");
        assertEquals(expected + "\n", r.out);
    }

    @Test
    void aLongKeyDefaultsToMixed() {
        Run r = run("passticket", "generate", "--user", "IBMUSER", "--applid", "TSOR001", "--key", SPEC_ENHANCED_KEY,
                "--time", "1700000000");
        assertEquals("pqzissRU\n", r.out);
    }

    @Test
    void evaluatePrintsTheGenerationTimeWhenValid() {
        Run r = run("passticket", "evaluate", "--user", "IBMUSER", "--applid", "TSOR001", "--key", "E001193519561977",
                "--ticket", "ZVQLMCAN", "--time", "1700000600");
        assertEquals(0, r.exit);
        assertEquals("1700000000\n", r.out);
    }

    @Test
    void evaluateGivesAOneLineReasonAndExit1WhenNotValid() {
        Run late = run("passticket", "evaluate", "--user", "IBMUSER", "--applid", "TSOR001", "--key", "E001193519561977",
                "--ticket", "ZVQLMCAN", "--time", "1700000601");
        assertEquals(1, late.exit);
        assertEquals("not valid: outside the validity window\n", late.out);

        Run wrongUser = run("passticket", "evaluate", "--user", "JOE", "--applid", "TSOR001", "--key", "E001193519561977",
                "--ticket", "ZVQLMCAN", "--time", "1700000000");
        assertEquals(1, wrongUser.exit);
        assertEquals(1, wrongUser.out.lines().count());
    }

    @Test
    void evaluateUsesTheTimeoutForEnhancedTickets() {
        String[] base = {"passticket", "evaluate", "--user", "IBMUSER", "--applid", "TSOR001", "--key", SPEC_ENHANCED_KEY,
            "--type", "upper", "--ticket", "1TAR4UNX"};
        assertEquals(0, run(concat(base, "--time", "1700000060")).exit);
        assertEquals(1, run(concat(base, "--time", "1700000061")).exit);
        assertEquals(0, run(concat(base, "--time", "1700000300", "--timeout", "300")).exit);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--user IBMUSER --applid TSOR001 --key E00119351956197",                 // 15 digits
        "--user IBMUSERXX --applid TSOR001 --key E001193519561977",             // 9-character user ID
        "--user IBMUSER --applid TSOR001 --key E00119351956197G",               // not hex
        "--user IBMUSER --applid TSOR001 --key E001193519561977 --type upper",  // legacy key for enhanced
        "--user IBMUSER --applid TSOR001 --type mixed --key " + "00000000000000000000000000000000000000000000000000000000000000", // 31 bytes
        "--user 1BMUSER --applid TSOR001 --key E001193519561977",               // starts with a digit
        "--user IBMUSER --key E001193519561977",                                // no APPLID
        "--user IBMUSER --applid TSOR001 --key E001193519561977 --type weird",
    })
    void badArgumentsGiveOneLineAndExit2(String args) {
        Run r = run(concat(new String[] {"passticket", "generate"}, args.split(" ")));
        assertEquals(2, r.exit, r.err);
        assertEquals("", r.out);
        assertEquals(1, r.err.lines().count(), r.err);
        assertTrue(r.err.startsWith("passgate: "), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
        assertFalse(r.err.contains("E00119351956197"), "the key is never echoed: " + r.err);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
