package dev.passgate.security.racf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.security.PasswordHasher;
import dev.passgate.testkit.TestPassGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The factory of verbs: every verb the README promises, found by name and alias, each with a help line true to its check. */
class RacfVerbsTest extends RacfVerbTestSupport {

    private RacfVerbs verbs;

    @BeforeEach
    void factory() {
        verbs = RacfVerbs.standard(new PasswordHasher(Integer.parseInt(TestPassGate.TEST_ITERATIONS)), t.registry.secretBox(),
                t.registry.audit(), t.clock, "PG01");
    }

    @Test
    void theFactoryKnowsExactlyTheVerbsTheReadmesRacfTableLists() throws IOException {
        Set<String> known = verbs.all().stream().map(RacfVerb::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(readmeVerbs(), known);
    }

    /** The verbs in the first column of the README's table under "| command | PassGate's subset |". */
    private static Set<String> readmeVerbs() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int header = lines.indexOf("| command | PassGate's subset |");
        assertTrue(header >= 0, "the README has its RACF table");
        Set<String> verbs = new TreeSet<>();
        Pattern verb = Pattern.compile("`([A-Z]+)`");
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            Matcher m = verb.matcher(line.split("\\|")[1]);
            while (m.find()) {
                verbs.add(m.group(1));
            }
        }
        assertFalse(verbs.isEmpty());
        return verbs;
    }

    @Test
    void everyVerbIsFoundByItsNameAndItsRacfAliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        verbs.all().forEach(v -> v.syntax().aliases().forEach(a -> aliases.put(a, v.name())));
        assertEquals(Map.ofEntries(
                Map.entry("AU", "ADDUSER"), Map.entry("ALU", "ALTUSER"), Map.entry("DU", "DELUSER"),
                Map.entry("LU", "LISTUSER"), Map.entry("AG", "ADDGROUP"), Map.entry("DG", "DELGROUP"),
                Map.entry("CO", "CONNECT"), Map.entry("RE", "REMOVE"), Map.entry("RDEF", "RDEFINE"),
                Map.entry("RALT", "RALTER"), Map.entry("RDEL", "RDELETE"), Map.entry("RL", "RLIST"),
                Map.entry("PE", "PERMIT"), Map.entry("SETR", "SETROPTS")), aliases);
        for (RacfVerb v : verbs.all()) {
            assertSame(v, verbs.find(v.name()));
            v.syntax().aliases().forEach(a -> assertSame(v, verbs.find(a), a));
        }
        RacfCommandException unknown = assertThrows(RacfCommandException.class, () -> verbs.find("HELP"));
        assertEquals(12, unknown.returnCode(), "not understood");
    }

    @Test
    void everyVerbHasAHelpLineNamingWhatItAccepts() {
        List<String> help = t.registry.commands().help();
        assertEquals(verbs.all().size(), help.size());
        for (RacfVerb v : verbs.all()) {
            String line = v.help();
            assertTrue(help.contains(line), line);
            assertTrue(line.startsWith(v.name() + " "), line);
            assertFalse(v.syntax().purpose().isBlank(), v.name() + " says what it does");
            assertTrue(line.endsWith(": " + v.syntax().purpose()), line);
            v.syntax().aliases().forEach(a -> assertTrue(line.contains(a), line));
            v.syntax().operands().forEach(o -> assertTrue(line.contains(" " + o + " ") || line.contains(" " + o + ":"),
                    line));
            assertEquals(List.copyOf(v.syntax().keywordNames()), offeredKeywords(line), line);
        }
    }

    /** The keywords a verb refuses a stranger with are the ones its help line offers. */
    @Test
    void everyVerbRefusesAnUnknownKeywordListingTheKeywordsItsHelpOffers() {
        for (RacfVerb v : verbs.all()) {
            List<String> command = new ArrayList<>(List.of(v.name()));
            command.addAll(Collections.nCopies(v.syntax().operands().size(), "X"));
            command.add("NOSUCHKW");
            List<String> offered = offeredKeywords(v.help());
            Collections.sort(offered);
            refused(String.join(" ", command), "unknown keyword NOSUCHKW for " + v.name() + " (allowed: "
                    + String.join(" ", offered) + ")");
        }
    }

    /** The keywords a help line shows: the upper-case words outside parentheses, after the verb and its aliases. */
    private static List<String> offeredKeywords(String help) {
        String usage = help.substring(0, help.indexOf(": ")).replaceFirst("^[A-Z]+( \\([A-Z ]+\\))?", "");
        List<String> words = new ArrayList<>();
        StringBuilder top = new StringBuilder();
        int depth = 0;
        for (char ch : usage.toCharArray()) {
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            top.append(depth == 0 && ch != ')' ? ch : ' ');
        }
        Matcher m = Pattern.compile("(?<=[ \\[])([A-Z]+)").matcher(top);
        while (m.find()) {
            words.add(m.group(1));
        }
        return words;
    }

    @Test
    void theHelpShowsRequiredKeywordsWithoutBrackets() {
        String connect = verbs.find("CONNECT").help();
        assertTrue(connect.startsWith("CONNECT (CO) userid GROUP(group) [OWNER(ignored)] [AUTHORITY(ignored)]: "), connect);
        assertEquals(List.of("GROUP", "OWNER", "AUTHORITY"), offeredKeywords(connect));
        assertEquals(List.of("PASSWORD", "RACLIST", "REFRESH", "GENERIC", "GENCMD", "CLASSACT", "LIST"),
                offeredKeywords(verbs.find("SETROPTS").help()), "options inside PASSWORD(...) are not keywords");
    }

    @Test
    void aSyntaxDeclaresEachKeywordOnce() {
        assertThrows(IllegalArgumentException.class, () -> RacfSyntax.of("ADDUSER").accepts("NAME('name')", "NAME"));
        assertThrows(IllegalArgumentException.class, () -> RacfSyntax.of("CONNECT").requires("GROUP(g)").accepts("GROUP"));
        assertThrows(IllegalArgumentException.class, () -> RacfSyntax.of("adduser"));
        assertThrows(IllegalArgumentException.class, () -> new RacfVerbs(List.of(new DelUser(), new DelUser())));
    }
}
