package dev.passgate.support;

import java.util.SplittableRandom;

/** Random inputs that obey RACF's naming rules, for property tests. */
public final class RandomNames {

    private static final String FIRST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@#$";
    private static final String REST = FIRST + "0123456789";

    private RandomNames() {
    }

    public static String name(SplittableRandom random) {
        int length = 1 + random.nextInt(8);
        StringBuilder sb = new StringBuilder(length);
        sb.append(FIRST.charAt(random.nextInt(FIRST.length())));
        for (int i = 1; i < length; i++) {
            sb.append(REST.charAt(random.nextInt(REST.length())));
        }
        return sb.toString();
    }

    public static byte[] bytes(SplittableRandom random, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}
