package dev.passgate.passticket;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RACF's enhanced PassTicket algorithm: HMAC-SHA-512 of user and APPLID masks a 48-bit
 * time, a six-round Feistel network (round function HMAC-SHA-512 of the right half, the
 * round number and the names) scrambles it, and the 48 bits are written as 8 digits in
 * base 36 (UPPER) or base 64 (MIXED).
 *
 * <p>In UPPER mode the odd rounds keep only one bit of their output's top byte, so that
 * the result fits 8 base-36 digits. That loses bits of the round's left half; running
 * backwards recovers them because they are known: in rounds 3 and 5 they are the zero bits
 * an earlier masked round left, and in round 1 they are the time's top bits (zero until the
 * year 36812) XOR the user-and-APPLID hash.
 */
public final class EnhancedPassTicketAlgorithm implements PassTicketAlgorithm {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    private static final int ROUNDS = 6;
    private static final int HALF = 0xFF_FFFF;
    /** What an UPPER odd round keeps of its 24-bit output: the low bit of the top byte and the rest. */
    private static final int UPPER_MASK = 0x01_FFFF;

    private final PassTicketType type;
    private final int radix;
    private final ThreadLocal<Rounds> rounds;

    public EnhancedPassTicketAlgorithm(PassTicketKey key, PassTicketType type) {
        if (!key.isEnhanced()) {
            throw new IllegalArgumentException("the enhanced algorithm needs a key of 32 to 256 bytes");
        }
        if (!type.isEnhanced()) {
            throw new IllegalArgumentException("the enhanced algorithm makes UPPER or MIXED tickets");
        }
        this.type = type;
        this.radix = type == PassTicketType.UPPER ? 36 : 64;
        SecretKeySpec spec = new SecretKeySpec(key.bytes(), "HmacSHA512");
        this.rounds = ThreadLocal.withInitial(() -> new Rounds(spec));
        new Rounds(spec); // fail here, not on first use, if the JDK lacks HmacSHA512
    }

    @Override
    public PassTicketType type() {
        return type;
    }

    @Override
    public String generate(String user, String applid, long epochSeconds) {
        if (epochSeconds < 0 || epochSeconds >= (1L << 40)) {
            throw new IllegalArgumentException("time out of range for the enhanced algorithm");
        }
        Rounds r = rounds.get();
        long hash = r.start(user, applid);
        long b = (epochSeconds ^ hash) & 0xFFFF_FFFF_FFFFL;
        int left = (int) (b >>> 24);
        int right = (int) b & HALF;
        for (int n = 1; n <= ROUNDS; n++) {
            int x = left ^ r.f(right, n);
            if (type == PassTicketType.UPPER && (n & 1) == 1) {
                x &= UPPER_MASK;
            }
            left = right;
            right = x;
        }
        return encode(((long) left << 24) | right);
    }

    @Override
    public OptionalLong generationTime(String user, String applid, String ticket, long near) {
        long n = decode(ticket);
        if (n < 0) {
            return OptionalLong.empty();
        }
        boolean upper = type == PassTicketType.UPPER;
        int left = (int) (n >>> 24);
        int right = (int) n & HALF;
        if (upper && (left & ~UPPER_MASK) != 0) {
            return OptionalLong.empty(); // round 5's output was masked: no key makes this ticket
        }
        Rounds r = rounds.get();
        long hash = r.start(user, applid);
        for (int round = ROUNDS; round >= 1; round--) {
            int previousRight = left;
            int previousLeft = (right ^ r.f(previousRight, round)) & HALF;
            if (upper && (round & 1) == 1) {
                int knownTop = round == 1 ? (int) (hash >>> 24) & ~UPPER_MASK & HALF : 0;
                previousLeft = (previousLeft & UPPER_MASK) | knownTop;
            }
            left = previousLeft;
            right = previousRight;
        }
        long time = ((((long) left << 24) | right) ^ hash) & 0xFFFF_FFFF_FFFFL;
        return OptionalLong.of(time);
    }

    private String encode(long n) {
        char[] out = new char[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (n % radix));
            n /= radix;
        }
        return new String(out);
    }

    /** The 48-bit value a ticket's digits spell, or -1 when it is not 8 digits of this alphabet. */
    private long decode(String ticket) {
        if (ticket == null || ticket.length() != 8) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < 8; i++) {
            int d = ALPHABET.indexOf(ticket.charAt(i));
            if (d < 0 || d >= radix) {
                return -1;
            }
            n = n * radix + d;
        }
        // Digits are canonical, but compare as the spec asks: in constant time, on the encoded form.
        boolean same = MessageDigest.isEqual(encode(n).getBytes(StandardCharsets.US_ASCII),
                ticket.getBytes(StandardCharsets.US_ASCII));
        return same ? n : -1;
    }

    /** Per-thread HMAC state and buffers; one instance serves one generate or evaluate at a time. */
    private static final class Rounds {
        private final Mac mac;
        private final byte[] ua = new byte[16];
        private final byte[] roundInput = new byte[3 + 1 + 16];
        private final byte[] out = new byte[64];

        Rounds(SecretKeySpec spec) {
            try {
                mac = Mac.getInstance("HmacSHA512");
                mac.init(spec);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA512 is not available in this JDK", e);
            }
        }

        /** Sets UA = user8 || appl8 and returns the first 6 bytes of HMAC(UA) as a 48-bit value. */
        long start(String user, String applid) {
            System.arraycopy(RacfName.padded(user), 0, ua, 0, 8);
            System.arraycopy(RacfName.padded(applid), 0, ua, 8, 8);
            System.arraycopy(ua, 0, roundInput, 4, 16);
            mac.update(ua);
            doFinal();
            long h = 0;
            for (int i = 0; i < 6; i++) {
                h = (h << 8) | (out[i] & 0xFF);
            }
            return h;
        }

        /** First 3 bytes of HMAC(R || n || UA) as a 24-bit value. */
        int f(int right, int round) {
            roundInput[0] = (byte) (right >>> 16);
            roundInput[1] = (byte) (right >>> 8);
            roundInput[2] = (byte) right;
            roundInput[3] = (byte) round;
            mac.update(roundInput);
            doFinal();
            return ((out[0] & 0xFF) << 16) | ((out[1] & 0xFF) << 8) | (out[2] & 0xFF);
        }

        private void doFinal() {
            try {
                mac.doFinal(out, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA-512 failed", e);
            }
        }
    }
}
