package dev.passgate.exit;

import dev.passgate.security.SecurityEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Export rules for the safexp and exports modes ({@code config/exports}): which path
 * prefixes each user, group or everyone may reach through the files miner.
 *
 * <pre>
 * # who        prefixes
 * JOE          /u/joe /projects/alpha
 * &amp;OPS         /ops            # a group
 * *            /public         # everyone
 * </pre>
 */
public final class ExportRules {

    private record Rule(String who, List<String> prefixes) {
    }

    private final List<Rule> rules;

    private ExportRules(List<Rule> rules) {
        this.rules = rules;
    }

    public static ExportRules none() {
        return new ExportRules(List.of());
    }

    public static ExportRules load(Path file) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        List<Rule> rules = new ArrayList<>();
        try {
            for (String raw : Files.readAllLines(file)) {
                String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 2) {
                    rules.add(new Rule(parts[0].toUpperCase(java.util.Locale.ROOT),
                            List.of(parts).subList(1, parts.length)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read export rules " + file, e);
        }
        return new ExportRules(rules);
    }

    /** Whether a rule for the user, one of their groups, or everyone covers the path. */
    public boolean allows(SecurityEnvironment env, String path) {
        for (Rule r : rules) {
            boolean applies = r.who().equals("*") || r.who().equals(env.user())
                    || (r.who().startsWith("&") && env.groups().contains(r.who().substring(1)));
            if (applies && r.prefixes().stream().anyMatch(p -> path.equals(p) || path.startsWith(p.endsWith("/") ? p : p + "/"))) {
                return true;
            }
        }
        return false;
    }
}
