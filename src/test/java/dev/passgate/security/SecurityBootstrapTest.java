package dev.passgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.passticket.Evaluation;
import dev.passgate.security.VerifyResult.Outcome;
import dev.passgate.support.TestRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fresh node gets what its logon flow needs; a second start changes nothing. */
class SecurityBootstrapTest {

    @TempDir
    Path folder;

    @Test
    void aFreshRegistryIsReadyForALogonAndASecondRunChangesNothing() throws Exception {
        try (TestRegistry t = new TestRegistry(folder)) {
            SecurityBootstrap bootstrap = new SecurityBootstrap(t.registry);
            assertFalse(bootstrap.ensureLogonDefinitions("FEKAPPL").isEmpty());

            var definition = t.registry.passTicketDefinitions().find("FEKAPPL").orElseThrow();
            assertTrue(definition.hasLegacyKey());
            assertTrue(definition.replayBypassed(), "the daemon needs several tickets a second");
            assertTrue(t.registry.users().find(SecurityBootstrap.SERVICE_USER).orElseThrow().protectedUser());

            // The flow the daemon will run: a ticket for a user, verified twice in the same second.
            t.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            String ticket = t.registry.passTicketGenerator().generate("JOE", "FEKAPPL").ticket();
            for (int i = 0; i < 2; i++) {
                assertEquals(Outcome.SUCCESS, t.registry.verifier().verify(
                        VerifyRequest.passticket("JOE", ticket, "FEKAPPL")).outcome());
            }
            SecurityEnvironment service = t.registry.verifier().verify(VerifyRequest.passticket(
                    SecurityBootstrap.SERVICE_USER,
                    t.registry.passTicketGenerator().generate(SecurityBootstrap.SERVICE_USER, "FEKAPPL").ticket(),
                    "FEKAPPL")).environment();
            assertTrue(t.registry.access().check(service, "PTKTDATA", "IRRPTAUTH.FEKAPPL.JOE", AccessLevel.UPDATE).allowed());

            List<String> before = state(t);
            assertTrue(bootstrap.ensureLogonDefinitions("FEKAPPL").isEmpty());
            assertEquals(before, state(t));
        }
    }

    @Test
    void theAdministratorIsCreatedOnceWithAPasswordInAnOwnerOnlyFileNotOnTheConsole() throws Exception {
        try (TestRegistry t = new TestRegistry(folder)) {
            SecurityBootstrap bootstrap = new SecurityBootstrap(t.registry);
            StringWriter console = new StringWriter();
            Path file = folder.resolve(SecurityBootstrap.ADMIN_PASSWORD_FILE);
            assertTrue(bootstrap.ensureAdministrator(file, new PrintWriter(console, true)).isPresent());
            assertTrue(console.toString().contains(file.toString()), console.toString());
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file)));
            String password = Files.readString(file).trim();
            assertEquals(8, password.length());
            assertFalse(console.toString().contains(password), "the password itself must not reach the console");

            VerifyResult first = t.registry.verifier().verify(VerifyRequest.password(SecurityBootstrap.ADMIN_USER,
                    password.toCharArray()));
            assertEquals(Outcome.PASSWORD_EXPIRED, first.outcome(), "the printed password must be changed");
            assertTrue(t.registry.audit().query(null, null, 100).stream().noneMatch(e -> e.line().contains(password)));

            StringWriter again = new StringWriter();
            assertTrue(bootstrap.ensureAdministrator(file, new PrintWriter(again, true)).isEmpty());
            assertEquals("", again.toString());
        }
    }

    @Test
    void aBootstrapFileIsAppliedAndToleratesWhatExists() throws Exception {
        Path file = folder.resolve("bootstrap.racf");
        Files.writeString(file, String.join("\n",
                "# site definitions",
                "ADDGROUP OPS",
                "ADDUSER ANN DFLTGRP(OPS) -",
                "   PASSWORD(Secret1) NOEXPIRED",
                "RDEFINE APPL CICSPROD UACC(NONE)",
                "PERMIT CICSPROD CLASS(APPL) ID(OPS) ACCESS(READ)"));
        try (TestRegistry t = new TestRegistry(folder.resolve("db"))) {
            SecurityBootstrap bootstrap = new SecurityBootstrap(t.registry);
            assertTrue(bootstrap.applyFile(file).isEmpty());
            assertTrue(bootstrap.applyFile(file).isEmpty(), "the second run finds everything defined");
            assertEquals(List.of("OPS"), t.registry.users().groups("ANN"));
            assertEquals(Outcome.SUCCESS, t.registry.verifier().verify(VerifyRequest.password("ANN",
                    "Secret1".toCharArray())).outcome());
        }
    }

    private static List<String> state(TestRegistry t) {
        List<String> s = new ArrayList<>();
        t.registry.users().all().forEach(u -> s.add(u.toString() + u.passwordHash()));
        for (String cls : List.of("APPL", "PTKTDATA")) {
            t.registry.profiles().all(cls).forEach(p -> s.add(p.toString() + p.access() + p.sealedSsignon()));
        }
        return s;
    }
}
