package dev.passgate.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A resource profile name, discrete or generic, with RACF's generic characters for
 * general resources:
 * <ul>
 * <li>{@code %} one character (not a period);</li>
 * <li>{@code *} within a name, zero or more characters of one qualifier; as the last
 *     character, zero or more characters to the end of the resource name;</li>
 * <li>{@code **} zero or more qualifiers.</li>
 * </ul>
 * When several profiles match, the most specific decides: reading left to right, at the
 * first place the names differ a literal character beats {@code %}, which beats {@code *},
 * which beats {@code **}; a discrete profile beats every generic one.
 */
public final class ProfileName implements Comparable<ProfileName> {

    private static final int LITERAL = 3;
    private static final int PERCENT = 2;
    private static final int STAR = 1;
    private static final int DOUBLE_STAR = 0;

    private final String name;
    private final boolean generic;
    private final Pattern pattern;
    private final int[] specificity;

    public ProfileName(String name) {
        this(name, '.');
    }

    /**
     * @param separator what separates qualifiers: a period in RACF resource names, a slash
     *                  in the FILE class's paths (so {@code /shared/**} covers /shared itself
     *                  and everything below, and {@code *} stays within one path segment)
     */
    public ProfileName(String name, char separator) {
        if (name == null || name.isEmpty() || name.length() > 246) {
            throw new IllegalArgumentException("a profile name has 1 to 246 characters");
        }
        this.name = name;
        this.generic = isGeneric(name);
        List<Integer> ranks = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '*' && i + 1 < name.length() && name.charAt(i + 1) == '*') {
                if (i > 0 && name.charAt(i - 1) == separator) {
                    // ".**": zero or more further qualifiers, so the separator itself is optional
                    pieces.set(pieces.size() - 1, "(" + Pattern.quote(String.valueOf(separator)) + ".*)?");
                } else {
                    pieces.add(".*");
                }
                ranks.add(DOUBLE_STAR);
                i++;
            } else if (c == '*') {
                pieces.add(i == name.length() - 1 ? ".*" : "[^" + Pattern.quote(String.valueOf(separator)) + "]*");
                ranks.add(STAR);
            } else if (c == '%') {
                pieces.add("[^" + Pattern.quote(String.valueOf(separator)) + "]");
                ranks.add(PERCENT);
            } else {
                pieces.add(Pattern.quote(String.valueOf(c)));
                ranks.add(LITERAL);
            }
        }
        this.pattern = generic ? Pattern.compile(String.join("", pieces)) : null;
        this.specificity = ranks.stream().mapToInt(Integer::intValue).toArray();
    }
    public static boolean isGeneric(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('%') >= 0;
    }

    public String name() {
        return name;
    }

    public boolean generic() {
        return generic;
    }

    public boolean matches(String resource) {
        return generic ? pattern.matcher(resource).matches() : name.equals(resource);
    }

    /** Orders the more specific name first. */
    @Override
    public int compareTo(ProfileName other) {
        if (generic != other.generic) {
            return generic ? 1 : -1;
        }
        int n = Math.min(specificity.length, other.specificity.length);
        for (int i = 0; i < n; i++) {
            if (specificity[i] != other.specificity[i]) {
                return Integer.compare(other.specificity[i], specificity[i]);
            }
        }
        if (specificity.length != other.specificity.length) {
            return Integer.compare(other.specificity.length, specificity.length);
        }
        return name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileName p && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
