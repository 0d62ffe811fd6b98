package dev.passgate.admin.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.admin.OperatorCommands;
import dev.passgate.security.racf.CommandResult;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one list of operator verbs and the dispatcher in front of it, against a running daemon. */
class OperatorCommandFactoryTest {

    private static final OperatorCommandFactory FACTORY = OperatorCommandFactory.STANDARD;

    @TempDir
    static Path data;
    private static RunningPassGate pg;
    private static OperatorCommands operator;

    @BeforeAll
    static void start() throws Exception {
        pg = new RunningPassGate(data, Map.of());
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
        operator = pg.context.getRegistry().lookupByNameAndType("passGateOperator", OperatorCommands.class);
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static CommandResult run(String text) {
        return operator.execute(text, "TEST");
    }

    @Test
    void everyVerbHasAHelpLineAndAnOperandItDoesNotTakeGetsItWithRc12() {
        List<String> verbs = FACTORY.commands().stream().map(OperatorCommand::verb).toList();
        assertEquals(List.of("DISPLAY", "CANCEL", "SEND", "LOG", "NETSTAT", "IVP", "AUDIT"), verbs);
        for (OperatorCommand c : FACTORY.commands()) {
            assertFalse(c.syntax().isBlank(), c.verb());
            assertTrue(c.help().startsWith(c.verb() + " " + c.syntax()), c.help());
            for (String name : names(c)) {
                assertTrue(OperatorCommands.isOperatorCommand(name + " FROB"), name);
                CommandResult r = run(name.toLowerCase(java.util.Locale.ROOT) + " FROB");
                assertEquals(12, r.returnCode(), name + " -> " + r.lines());
                assertEquals(List.of(c.verb() + " takes " + c.syntax() + ", not FROB"), r.lines());
            }
        }
    }

    private static List<String> names(OperatorCommand c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c.verb()), c.abbreviations().stream()).toList();
    }

    @Test
    void displayWithAnOperandItDoesNotKnowNamesTheOperandNotTheVerb() {
        CommandResult frob = run("DISPLAY FROB");
        assertEquals(12, frob.returnCode());
        assertEquals(List.of("DISPLAY takes PROCESS, CLIENTS[,USER|,ID|,LOGON] or JOBS[,OWNER=userid], not FROB"), frob.lines());
        assertEquals(List.of("DISPLAY takes PROCESS, CLIENTS[,USER|,ID|,LOGON] or JOBS[,OWNER=userid]"), run("D").lines());
        assertEquals(List.of("DISPLAY takes PROCESS, CLIENTS[,USER|,ID|,LOGON] or JOBS[,OWNER=userid], not CLIENTS,NAME"),
                run("D CLIENTS,NAME").lines());
        assertEquals(0, run("d clients,user").returnCode());
    }

    @Test
    void cIsCancelAndEndsTheSession() throws Exception {
        try (LineClient s = pg.session("JOE", "Secret1")) {
            CommandResult r = run("C USER=joe");
            assertEquals(0, r.returnCode(), r.lines().toString());
            assertEquals(List.of("1 session cancelled"), r.lines());
            assertEquals("cancelled", s.read().get("event").asText());
            assertTrue(s.closedByServer());
        }
        CommandResult none = run("C ID=no-such-session");
        assertEquals(8, none.returnCode());
        assertEquals(List.of("no session no-such-session"), none.lines());
    }

    @Test
    void anUnknownVerbGoesToRacfAndTheReplyAlsoListsTheOperatorVerbs() {
        CommandResult r = run("FROB JOE");
        assertEquals(12, r.returnCode(), "not understood, as the README's return codes say");
        assertTrue(r.lines().get(0).startsWith("unknown command FROB"), r.lines().toString());
        String listed = r.lines().get(r.lines().size() - 1);
        assertTrue(listed.startsWith("operator commands: "), listed);
        for (OperatorCommand c : FACTORY.commands()) {
            assertTrue(listed.contains(c.help()), c.verb() + " missing from " + listed);
        }
        assertTrue(run("LISTUSER JOE").lines().stream().anyMatch(l -> l.contains("USER=JOE")), "RACF still answers");
    }

    @Test
    void userOperandsAreRacfUserIdsAndAnythingElseIsRefused() throws Exception {
        try (LineClient s = pg.session("JOE", "Secret1")) {
            // Unicode upper-casing would turn the long s into S and the dotless i into I.
            for (String c : List.of("CANCEL USER=j\u00f6e", "CANCEL USER=\u017fOE", "SEND 'hi' USER=JO\u0131",
                    "SEND 'hi' USER=TOOLONGNAME", "AUDIT USER=\u017fOE", "AUDIT USER=1JOE EVENT=LOGOUT")) {
                CommandResult r = run(c);
                assertEquals(8, r.returnCode(), c + " -> " + r.lines());
                assertTrue(r.lines().get(0).startsWith("user ID '"), r.lines().toString());
            }
            assertEquals("JOE", s.request("{\"op\":\"whoami\"}").get("user").asText(), "the session was not touched");
            CommandResult sent = run("SEND 'hi' user=joe");
            assertEquals(List.of("message sent to 1 session"), sent.lines());
            assertEquals("hi", s.read().get("text").asText());
        }
        assertEquals(0, run("AUDIT USER=joe EVENT=logout LIMIT=5").returnCode(), "event names in any case");
        CommandResult unknown = run("AUDIT EVENT=LOGON");
        assertEquals(8, unknown.returnCode(), "an event no record can have is refused, not answered with nothing");
        assertTrue(unknown.lines().get(0).contains("VERIFY, REVOKE, COMMAND, LOGOUT"), unknown.lines().toString());
    }

    @Test
    void onlyAsciiLettersNameAVerb() {
        assertTrue(FACTORY.command("cancel").isPresent());
        assertEquals("CANCEL", FACTORY.command("c").orElseThrow().verb());
        assertFalse(OperatorCommands.isOperatorCommand("\u017fEND 'hi'"), "long s is not S");
        assertFalse(OperatorCommands.isOperatorCommand("DISPLAYX PROCESS"));
        assertTrue(OperatorCommands.isOperatorCommand("NETSTAT,ALL"));
        assertEquals("CANCEL", OperatorCommands.verbOf(" c USER=JOE"), "an abbreviation is checked as its verb");
        assertEquals("DISPLAY", OperatorCommands.verbOf("D,CLIENTS"));
        assertEquals("LISTUSER", OperatorCommands.verbOf("listuser JOE"));
    }

    @Test
    void twoVerbsCannotShareAName() {
        OperatorCommand dup = new OperatorCommand() {
            @Override
            public String verb() {
                return "D";
            }

            @Override
            public Pattern grammar() {
                return Pattern.compile("");
            }

            @Override
            public String syntax() {
                return "nothing";
            }

            @Override
            public CommandResult execute(Matcher operands, String actor, OperatorServices services) {
                return OperatorCommand.done(List.of());
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new OperatorCommandFactory(List.of(new DisplayCommand(), dup)));
        assertEquals("D names both DISPLAY and D", e.getMessage());
    }
}
