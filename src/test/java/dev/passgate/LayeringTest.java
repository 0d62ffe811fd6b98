package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package imports a package above it (docs/architecture.md), and the pure libraries import no
 * Camel. A sub-package ({@code security.racf}, {@code admin.command}) counts as its parent.
 */
class LayeringTest {

    /** Bottom to top. */
    static final List<String> LAYERS = List.of("settings", "passticket", "store", "security", "protocol", "flow", "camel", "pool",
            "server", "partner", "exit", "session", "daemon", "miner", "jobs", "admin", "", "cli", "testkit");
    /** Libraries usable without Camel. */
    static final List<String> PURE = List.of("passticket", "security");

    private static final Pattern PACKAGE = Pattern.compile("^package dev\\.passgate\\.?([a-z]*)[a-z.]*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern OWN = Pattern.compile("^dev\\.passgate\\.(?:([a-z]+)\\.)?[A-Za-z]");

    @Test
    void noPackageImportsOneAboveIt() throws Exception {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                violations.addAll(violations(file.toString(), Files.readString(file)));
            }
        }
        assertTrue(violations.isEmpty(), "layering broken:\n" + String.join("\n", violations));
    }

    @Test
    void reportsTheFileAndTheImportThatBreakTheRule() {
        String daemon = "package dev.passgate.daemon;\n\nimport dev.passgate.session.SessionRegistry;\n"
                + "import dev.passgate.admin.OperatorCommands;\n";
        assertEquals(List.of("Daemon.java: import dev.passgate.admin.OperatorCommands (daemon may not use admin)"),
                violations("Daemon.java", daemon));
        String library = "package dev.passgate.security.racf;\n\nimport org.apache.camel.Exchange;\n";
        assertEquals(List.of("Racf.java: import org.apache.camel.Exchange (security is a library without Camel)"),
                violations("Racf.java", library));
        assertEquals(List.of(), violations("Cli.java", "package dev.passgate.cli;\nimport dev.passgate.PassGate;\n"));
    }

    static List<String> violations(String file, String source) {
        Matcher pkg = PACKAGE.matcher(source);
        if (!pkg.find()) {
            return List.of(file + ": no dev.passgate package");
        }
        String from = pkg.group(1);
        List<String> found = new ArrayList<>();
        int level = level(from, file, found);
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String target = imports.group(1);
            if (PURE.contains(from) && target.startsWith("org.apache.camel")) {
                found.add(file + ": import " + target + " (" + from + " is a library without Camel)");
            }
            Matcher own = OWN.matcher(target);
            if (own.find()) {
                String to = own.group(1) == null ? "" : own.group(1);
                if (level(to, file, found) > level) {
                    found.add(file + ": import " + target + " (" + name(from) + " may not use " + name(to) + ")");
                }
            }
        }
        return found;
    }

    private static int level(String pkg, String file, List<String> found) {
        int i = LAYERS.indexOf(pkg);
        if (i < 0) {
            found.add(file + ": package " + name(pkg) + " has no layer in LayeringTest.LAYERS");
        }
        return i;
    }

    private static String name(String pkg) {
        return pkg.isEmpty() ? "dev.passgate" : pkg;
    }

    @Test
    void everyLayerIsAPackage() {
        for (String layer : LAYERS) {
            assertTrue(Files.isDirectory(Path.of("src/main/java/dev/passgate", layer)), "no package " + layer);
        }
    }
}
