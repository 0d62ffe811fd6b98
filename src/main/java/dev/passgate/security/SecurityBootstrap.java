package dev.passgate.security;

import dev.passgate.passticket.PassTicketKey;
import dev.passgate.security.racf.CommandResult;
import dev.passgate.store.BootstrapLock;
import dev.passgate.store.OwnerOnly;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a PassGate node needs before its first logon, created when missing and left alone
 * when present, so every start may run it:
 * <ul>
 * <li>the APPL profile of its APPLID (UACC READ: every defined user may log on);</li>
 * <li>the PTKTDATA profile of its APPLID, with a fresh random key and replay protection
 *     bypassed (the daemon makes several tickets a second for one user);</li>
 * <li>its service user (protected: no password logon) with UPDATE on
 *     {@code IRRPTAUTH.<applid>.*}, so it may make tickets for any user;</li>
 * <li>an administrator when no SPECIAL user exists, with a random password shown once;</li>
 * <li>the commands of a bootstrap file ({@code config/bootstrap.racf}), if there is one.</li>
 * </ul>
 */
public final class SecurityBootstrap {

    public static final String SERVICE_USER = "PASSGATE";
    public static final String ADMIN_USER = "PGADMIN";
    /** Where serve leaves the administrator's one-time password, in the data folder. */
    public static final String ADMIN_PASSWORD_FILE = "pgadmin.password";
    private static final String ACTOR = "BOOTSTRAP";
    private static final Logger LOG = LoggerFactory.getLogger(SecurityBootstrap.class);

    private final SecurityRegistry registry;
    private final SecureRandom random = new SecureRandom();

    public SecurityBootstrap(SecurityRegistry registry) {
        this.registry = registry;
    }

    /**
     * Makes sure the node's own logon flow has what it needs; returns what was created. Like every
     * step here, run under the store's bootstrap lock: nodes starting together on one shared
     * store each see what the one before them created, instead of racing to create it twice.
     */
    public List<String> ensureLogonDefinitions(String applid) {
        return BootstrapLock.exclusively(registry.dataSource(), () -> logonDefinitions(applid));
    }

    private List<String> logonDefinitions(String applid) {
        List<String> created = new ArrayList<>();
        if (registry.profiles().find("APPL", applid).isEmpty()) {
            run("RDEFINE APPL " + applid + " UACC(READ)", created);
        }
        if (registry.profiles().find("PTKTDATA", applid).isEmpty()) {
            byte[] key = new byte[PassTicketKey.LEGACY_LENGTH];
            random.nextBytes(key);
            run("RDEFINE PTKTDATA " + applid + " SSIGNON(KEYMASKED(" + HexFormat.of().formatHex(key) + ")) UACC(NONE)"
                    + " APPLDATA('NO REPLAY PROTECTION - DO NOT CHANGE')", created);
        }
        if (!registry.users().exists(SERVICE_USER)) {
            run("ADDUSER " + SERVICE_USER + " NAME('PassGate service') NOPASSWORD", created);
        }
        String authority = "IRRPTAUTH." + applid + ".*";
        if (registry.profiles().find("PTKTDATA", authority).isEmpty()) {
            run("RDEFINE PTKTDATA " + authority + " UACC(NONE)", created);
            run("PERMIT " + authority + " CLASS(PTKTDATA) ID(" + SERVICE_USER + ") ACCESS(UPDATE)", created);
        }
        return created;
    }

    /**
     * Creates an administrator when no SPECIAL user exists and writes its password into an
     * owner-only file, whose path (never the password: a console is often a log file under
     * systemd or nohup) goes to the console given. The password is expired: it must be
     * changed at first logon, after which the file may be deleted.
     */
    public Optional<String> ensureAdministrator(Path passwordFile, PrintWriter console) {
        return BootstrapLock.exclusively(registry.dataSource(), () -> administrator(passwordFile, console));
    }

    private Optional<String> administrator(Path passwordFile, PrintWriter console) {
        if (registry.users().all().stream().anyMatch(UserRecord::special)) {
            return Optional.empty();
        }
        String password = randomPassword();
        try {
            Files.deleteIfExists(passwordFile); // from an earlier administrator: it no longer works
            OwnerOnly.writeNew(passwordFile, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the administrator's one-time password to " + passwordFile, e);
        }
        if (registry.users().exists(ADMIN_USER)) {
            // The account is there but lost SPECIAL: make it the administrator again, with a new password.
            run("ALTUSER " + ADMIN_USER + " SPECIAL PASSWORD(" + password + ") RESUME", new ArrayList<>());
        } else {
            run("ADDUSER " + ADMIN_USER + " NAME('PassGate administrator') SPECIAL PASSWORD(" + password + ")",
                    new ArrayList<>());
        }
        console.println("PassGate created administrator " + ADMIN_USER + "; its one-time password is in " + passwordFile
                + " (owner-only)");
        console.println("  It must be changed at the first logon; then delete the file.");
        return Optional.of(ADMIN_USER);
    }

    /** Applies a file of RACF commands; "already defined" answers are fine, so a second start changes nothing. */
    public List<String> applyFile(Path file) {
        return BootstrapLock.exclusively(registry.dataSource(), () -> commandsOf(file));
    }

    private List<String> commandsOf(Path file) {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return problems;
        }
        try {
            for (String command : RacfFile.commands(Files.readAllLines(file))) {
                CommandResult r = registry.commands().execute(command, ACTOR + " " + file.getFileName());
                if (!r.ok() && r.lines().stream().noneMatch(l -> l.contains("already defined"))) {
                    problems.add(String.join("; ", r.lines()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        problems.forEach(p -> LOG.warn("{}: {}", file, p));
        return problems;
    }

    private void run(String command, List<String> created) {
        CommandResult r = registry.commands().execute(command, ACTOR);
        if (!r.ok()) {
            throw new IllegalStateException("bootstrap failed: " + String.join("; ", r.lines()));
        }
        created.addAll(r.lines());
        r.lines().forEach(l -> LOG.info("Bootstrap: {}", l));
    }

    /** 8 characters from an alphabet without look-alikes: fits RACF's PASSWORD limit. */
    private String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
