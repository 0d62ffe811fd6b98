package dev.passgate.security.racf;

import dev.passgate.passticket.RacfName;
import dev.passgate.security.AccessLevel;
import java.util.Locale;

/**
 * The checks of operand values several verbs share (names, numbers, access levels), each
 * refusing with return code 8 and one message, so a value is refused alike wherever it appears.
 */
final class OperandValues {

    private OperandValues() {
    }

    /** A user, group or class name as RACF writes it: 1 to 8 characters, upper-cased. */
    static String id(String text, String what) {
        try {
            return RacfName.normalize(text, what);
        } catch (IllegalArgumentException e) {
            throw new RacfCommandException(8, e.getMessage());
        }
    }

    /** Profile names are upper-cased as in RACF, except in FILE, whose paths are case-sensitive (CASE(ASIS)). */
    static String profileName(String text, String className) {
        String name = className.equals("FILE") ? text : text.toUpperCase(Locale.ROOT);
        if (name.length() > 246 || name.chars().anyMatch(Character::isWhitespace)) {
            throw new RacfCommandException(8, className + " profile names have 1 to 246 characters and no blanks");
        }
        return name;
    }

    static AccessLevel access(String text) {
        try {
            return AccessLevel.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RacfCommandException(8, e.getMessage());
        }
    }

    static boolean yesNo(String text, String what) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "YES" -> true;
            case "NO" -> false;
            default -> throw new RacfCommandException(8, what + " is YES or NO");
        };
    }

    static int number(String text, String what, int min, int max) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new RacfCommandException(8, what + " takes a number from " + min + " to " + max);
        }
    }
}
