package dev.passgate.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file of RACF commands into commands: one per line, a trailing {@code -} or
 * {@code +} continues it on the next line (as in TSO), and lines starting with {@code #}
 * or {@code /*} are comments.
 */
public final class RacfFile {

    private RacfFile() {
    }

    public static List<String> commands(List<String> lines) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (current.length() == 0 && (line.isEmpty() || line.startsWith("#") || line.startsWith("/*"))) {
                continue;
            }
            boolean continues = line.endsWith("-") || line.endsWith("+");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                commands.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            commands.add(current.toString().strip());
        }
        return commands;
    }
}
