package dev.passgate.exit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The built-in exit routes, one file per event, and the rule by which they step aside:
 * a built-in {@code direct:exit-<event>} route is not loaded when a route file in
 * {@code passgate.routes.dir} consumes that endpoint, since two consumers of one direct
 * endpoint (or two routes with one id) would fail start-up.
 */
public final class ExitRoutes {

    public static final List<String> EVENTS = List.of("init", "new-session", "login", "logout", "file", "termination");

    /** {@code from: direct:exit-x} in YAML (uri: on its own line too) or {@code <from uri="direct:exit-x"/>} in XML. */
    private static final Pattern CONSUMER = Pattern.compile(
            "(?:from:\\s*(?:\\n\\s*)?uri:\\s*|from:\\s*|<from\\s+uri=)[\"']?direct:exit-([a-z-]+)");

    private ExitRoutes() {
    }

    public static String location(String event) {
        return "classpath:routes/exits/exit-" + event + ".camel.yaml";
    }

    /** The exit events whose routes an integrator's files replace. */
    public static Set<String> claimedBy(Path routesDir) {
        Set<String> claimed = new TreeSet<>();
        if (!Files.isDirectory(routesDir)) {
            return claimed;
        }
        try (Stream<Path> files = Files.list(routesDir)) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(yaml|yml|xml)$")).toList()) {
                Matcher m = CONSUMER.matcher(Files.readString(f));
                while (m.find()) {
                    if (EVENTS.contains(m.group(1))) {
                        claimed.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the routes folder " + routesDir, e);
        }
        return claimed;
    }
}
