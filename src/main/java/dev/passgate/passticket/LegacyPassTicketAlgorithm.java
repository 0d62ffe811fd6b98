package dev.passgate.passticket;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * RACF's original PassTicket algorithm: two DES encryptions fold user and APPLID into
 * 32 bits, the time is XORed in, a six-round "time-coder" (a small Feistel network
 * keyed by DES and the user ID) scrambles the result, and 32 bits become 8 characters.
 *
 * <p>Every step is reversible with the key, so evaluation runs it backwards and gets the
 * generation time with the same eight DES operations generation costs.
 */
public final class LegacyPassTicketAlgorithm implements PassTicketAlgorithm {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** Bit i (1 = most significant) of a permuted value is the input's bit TABLES[n-1][i-1]. */
    private static final int[][] TABLES = {
        {10, 2, 12, 4, 14, 6, 16, 8, 9, 1, 11, 3, 13, 5, 15, 7},
        {1, 10, 3, 12, 13, 16, 7, 15, 9, 2, 11, 4, 5, 14, 8, 6},
        {3, 10, 1, 12, 13, 16, 9, 15, 7, 2, 14, 4, 5, 11, 8, 6},
        {10, 4, 12, 2, 14, 8, 16, 6, 9, 1, 13, 3, 11, 5, 15, 7},
        {4, 10, 12, 1, 8, 16, 14, 5, 9, 2, 13, 3, 11, 7, 15, 6},
        {1, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2},
    };
    private static final int ROUNDS = TABLES.length;
    private static final int PAD_LENGTH = 12;
    private static final byte PAD_FILL = 0x55;

    /** Precomputed permutations: value = HIGH[n][x >>> 8] | LOW[n][x & 0xFF]; the INV_ tables undo them. */
    private static final int[][] HIGH = new int[ROUNDS][256];
    private static final int[][] LOW = new int[ROUNDS][256];
    private static final int[][] INV_HIGH = new int[ROUNDS][256];
    private static final int[][] INV_LOW = new int[ROUNDS][256];

    static {
        for (int n = 0; n < ROUNDS; n++) {
            int[] inverse = new int[16];
            for (int i = 0; i < 16; i++) {
                inverse[TABLES[n][i] - 1] = i + 1;
            }
            for (int b = 0; b < 256; b++) {
                HIGH[n][b] = permuteSlow(b << 8, TABLES[n]);
                LOW[n][b] = permuteSlow(b, TABLES[n]);
                INV_HIGH[n][b] = permuteSlow(b << 8, inverse);
                INV_LOW[n][b] = permuteSlow(b, inverse);
            }
        }
    }

    private final ThreadLocal<Cipher> des;

    public LegacyPassTicketAlgorithm(PassTicketKey key) {
        if (key.isEnhanced()) {
            throw new IllegalArgumentException("the legacy algorithm needs an 8-byte DES key");
        }
        byte[] raw = key.bytes();
        // The JDK's DES ignores the parity bits, as RACF does: keys differing only there are equal.
        SecretKeySpec spec = new SecretKeySpec(raw, "DES");
        this.des = ThreadLocal.withInitial(() -> newCipher(spec));
        newCipher(spec); // fail here, not on first use, if the JDK lacks DES
    }

    private static Cipher newCipher(SecretKeySpec spec) {
        try {
            Cipher c = Cipher.getInstance("DES/ECB/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, spec);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES/ECB/NoPadding is not available in this JDK", e);
        }
    }

    @Override
    public PassTicketType type() {
        return PassTicketType.LEGACY;
    }

    @Override
    public String generate(String user, String applid, long epochSeconds) {
        if (epochSeconds < 0 || epochSeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("the legacy algorithm covers 1970 to 2106 only");
        }
        Cipher cipher = des.get();
        int r4 = r3(cipher, user, applid) ^ (int) epochSeconds;
        return translate(timeCoder(cipher, r4, pad(user)));
    }

    @Override
    public OptionalLong generationTime(String user, String applid, String ticket, long near) {
        int[] candidates = untranslate(ticket);
        if (candidates.length == 0) {
            return OptionalLong.empty();
        }
        Cipher cipher = des.get();
        byte[][] pad = pad(user);
        int r3 = r3(cipher, user, applid);
        // Nearly every ticket has exactly one candidate; when the wrap-around bits leave
        // more, the one nearest the evaluator's clock is the ticket that was meant.
        byte[] given = ticket.getBytes(StandardCharsets.US_ASCII);
        long best = -1;
        for (int r5 : candidates) {
            long time = (untimeCoder(cipher, r5, pad) ^ r3) & 0xFFFF_FFFFL;
            boolean same = MessageDigest.isEqual(translate(r5).getBytes(StandardCharsets.US_ASCII), given);
            if (same && (best < 0 || Math.abs(time - near) < Math.abs(best - near))) {
                best = time;
            }
        }
        return best < 0 ? OptionalLong.empty() : OptionalLong.of(best);
    }

    /** Steps 1-3: the left half of DES(DES(user) XOR applid). */
    private static int r3(Cipher cipher, String user, String applid) {
        byte[] block = RacfName.padded(user);
        encrypt(cipher, block);
        byte[] appl = RacfName.padded(applid);
        for (int i = 0; i < 8; i++) {
            block[i] ^= appl[i];
        }
        encrypt(cipher, block);
        return ((block[0] & 0xFF) << 24) | ((block[1] & 0xFF) << 16) | ((block[2] & 0xFF) << 8) | (block[3] & 0xFF);
    }

    /** The user ID without blanks, padded with X'55' to 12 bytes, split in two halves. */
    private static byte[][] pad(String user) {
        byte[] full = new byte[PAD_LENGTH];
        java.util.Arrays.fill(full, PAD_FILL);
        byte[] u = RacfName.unpadded(user);
        System.arraycopy(u, 0, full, 0, u.length);
        return new byte[][] {java.util.Arrays.copyOfRange(full, 0, 6), java.util.Arrays.copyOfRange(full, 6, 12)};
    }

    static int timeCoder(Cipher cipher, int r4, byte[][] pad) {
        int left = r4 >>> 16;
        int right = r4 & 0xFFFF;
        byte[] block = new byte[8];
        for (int n = 0; n < ROUNDS; n++) {
            int e = roundFunction(cipher, block, right, pad[n % 2]) ^ left;
            left = right;
            right = HIGH[n][e >>> 8] | LOW[n][e & 0xFF];
        }
        return (left << 16) | right;
    }

    static int untimeCoder(Cipher cipher, int r5, byte[][] pad) {
        int left = r5 >>> 16;
        int right = r5 & 0xFFFF;
        byte[] block = new byte[8];
        for (int n = ROUNDS - 1; n >= 0; n--) {
            int e = INV_HIGH[n][right >>> 8] | INV_LOW[n][right & 0xFF];
            right = left;
            left = e ^ roundFunction(cipher, block, right, pad[n % 2]);
        }
        return (left << 16) | right;
    }

    /** First two bytes of DES(right || pad half), as a 16-bit value. */
    private static int roundFunction(Cipher cipher, byte[] block, int right, byte[] padHalf) {
        block[0] = (byte) (right >>> 8);
        block[1] = (byte) right;
        System.arraycopy(padHalf, 0, block, 2, 6);
        encrypt(cipher, block);
        return ((block[0] & 0xFF) << 8) | (block[1] & 0xFF);
    }

    private static void encrypt(Cipher cipher, byte[] block) {
        try {
            cipher.doFinal(block, 0, 8, block, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES failed on a single block", e);
        }
    }

    static int permute(int value, int round) {
        return HIGH[round - 1][value >>> 8] | LOW[round - 1][value & 0xFF];
    }

    private static int permuteSlow(int value, int[] table) {
        int out = 0;
        for (int i = 0; i < 16; i++) {
            int bit = (value >>> (16 - table[i])) & 1;
            out |= bit << (15 - i);
        }
        return out;
    }

    /** The 6-bit group behind character k (0-based) of the ticket, bits numbered from the left. */
    private static int group(int r5, int k) {
        if (k == 0) {
            return ((r5 & 0x3) << 4) | (r5 >>> 28); // bits 31, 32, 1, 2, 3, 4
        }
        return (r5 >>> (28 - 4 * k)) & 0x3F; // bits 4k-1 .. 4k+4
    }

    static String translate(int r5) {
        char[] out = new char[8];
        for (int k = 0; k < 8; k++) {
            out[k] = ALPHABET.charAt(group(r5, k) % ALPHABET.length());
        }
        return new String(out);
    }

    /**
     * Every 32-bit value that translates to the ticket. Each character is its group modulo 36,
     * so a group is either the index or the index + 36; neighbouring groups share two bits,
     * which rules out nearly all combinations.
     */
    static int[] untranslate(String ticket) {
        if (ticket == null || ticket.length() != 8) {
            return new int[0];
        }
        int[] index = new int[8];
        for (int k = 0; k < 8; k++) {
            index[k] = ALPHABET.indexOf(ticket.charAt(k));
            if (index[k] < 0) {
                return new int[0];
            }
        }
        int[] found = new int[4];
        int count = 0;
        for (int g0 : options(index[0])) {
            count = extend(index, 1, (g0 & 0xF) << 28, g0, found, count);
        }
        return java.util.Arrays.copyOf(found, count);
    }

    private static int extend(int[] index, int k, int partial, int g0, int[] found, int count) {
        if (k == 8) {
            // The last group's low two bits are bits 31-32, which the first group also holds.
            if ((partial & 0x3) == (g0 >>> 4) && count < found.length) {
                found[count++] = partial;
            }
            return count;
        }
        for (int g : options(index[k])) {
            int shift = 28 - 4 * k;
            int sharedBits = (partial >>> (shift + 4)) & 0x3;
            if ((g >>> 4) == sharedBits) {
                count = extend(index, k + 1, partial | (g << shift), g0, found, count);
            }
        }
        return count;
    }

    private static int[] options(int index) {
        return index + 36 < 64 ? new int[] {index, index + 36} : new int[] {index};
    }
}
