package dev.passgate.security.racf;

import dev.passgate.passticket.PassTicketType;
import dev.passgate.passticket.RacfName;
import dev.passgate.passticket.UnsafeApplids;
import dev.passgate.security.AccessLevel;
import dev.passgate.security.AuditLog;
import dev.passgate.security.GroupStore;
import dev.passgate.security.PasswordHasher;
import dev.passgate.security.PasswordRules;
import dev.passgate.security.ProfileName;
import dev.passgate.security.ProfileRecord;
import dev.passgate.security.ProfileStore;
import dev.passgate.security.SecretBox;
import dev.passgate.security.SecurityOptions;
import dev.passgate.security.SsignonSegment;
import dev.passgate.security.UserRecord;
import dev.passgate.security.UserStore;
import dev.passgate.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the RACF command subset against the registry. Each command is checked completely
 * and then applied in one transaction, so a refused command changes nothing. Every
 * command is audited with its secrets masked.
 */
public final class RacfCommandProcessor {

    /** The SSIGNON segment of a PTKTDATA profile, and what pointing at a class of its own means. */
    private static final String PTKTDATA = "PTKTDATA";
    private static final String CDT = "CDT";
    private static final String DEFAULT_GROUP = "SYS1";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("AU", "ADDUSER"), Map.entry("ALU", "ALTUSER"), Map.entry("DU", "DELUSER"),
            Map.entry("LU", "LISTUSER"), Map.entry("AG", "ADDGROUP"), Map.entry("DG", "DELGROUP"),
            Map.entry("CO", "CONNECT"), Map.entry("RE", "REMOVE"), Map.entry("RDEF", "RDEFINE"),
            Map.entry("RALT", "RALTER"), Map.entry("RDEL", "RDELETE"), Map.entry("RL", "RLIST"),
            Map.entry("PE", "PERMIT"), Map.entry("SETR", "SETROPTS"));

    private final Jdbc jdbc;
    private final PasswordHasher hasher;
    private final SecretBox box;
    private final AuditLog audit;
    private final Clock clock;
    private final String systemName;
    private final Runnable onChange;

    public RacfCommandProcessor(Jdbc jdbc, PasswordHasher hasher, SecretBox box, AuditLog audit, Clock clock,
            String systemName, Runnable onChange) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
        this.systemName = systemName;
        this.onChange = onChange;
    }

    /** Runs one command for an actor (who issued it, for the audit trail). Never throws for a bad command. */
    public CommandResult execute(String commandText, String actor) {
        try {
            return executeAudited(commandText, actor);
        } finally {
            audit.flushStore(); // the result acknowledges the command: it and its records are in the file first
        }
    }

    private CommandResult executeAudited(String commandText, String actor) {
        List<Operand> operands;
        try {
            operands = RacfParser.parse(commandText);
        } catch (RacfCommandException e) {
            audit.record("COMMAND", null, actor, "RC" + e.returnCode(), "unparseable command: " + e.getMessage());
            return new CommandResult(e.returnCode(), List.of(e.getMessage()));
        }
        String masked = RacfCommand.masked(operands);
        String verb = operands.get(0).keyword();
        verb = ALIASES.getOrDefault(verb, verb);
        try {
            String v = verb;
            // The change and its audit record commit together: no command without its record, nor the reverse.
            List<String> out = jdbc.inTransaction(tx -> {
                List<String> lines = run(v, operands, new Stores(tx));
                audit.recordIn(tx, "COMMAND", null, actor, "RC0", masked);
                return lines;
            });
            onChange.run(); // profiles and keys held in memory are read again
            return new CommandResult(0, out);
        } catch (RacfCommandException e) {
            audit.record("COMMAND", null, actor, "RC" + e.returnCode(), masked + " -- " + e.getMessage());
            return new CommandResult(e.returnCode(), List.of(e.getMessage()));
        }
    }

    /** The stores bound to one transaction. */
    private record Stores(UserStore users, GroupStore groups, ProfileStore profiles, SecurityOptions options) {
        Stores(Jdbc tx) {
            this(new UserStore(tx), new GroupStore(tx), new ProfileStore(tx), new SecurityOptions(tx));
        }
    }

    private List<String> run(String verb, List<Operand> operands, Stores s) {
        return switch (verb) {
            case "ADDUSER" -> addUser(RacfCommand.of(verb, operands, 1, Set.of("NAME", "DFLTGRP", "PASSWORD", "PW",
                    "PHRASE", "NOPASSWORD", "NOEXPIRED", "SPECIAL", "OWNER", "DATA", "TOTP")), s);
            case "ALTUSER" -> altUser(RacfCommand.of(verb, operands, 1, Set.of("NAME", "DFLTGRP", "PASSWORD", "PW",
                    "PHRASE", "NOPASSWORD", "NOPHRASE", "NOEXPIRED", "EXPIRED", "RESUME", "REVOKE", "SPECIAL",
                    "NOSPECIAL", "INTERVAL", "TOTP", "NOTOTP", "OWNER", "DATA")), s);
            case "DELUSER" -> delUser(RacfCommand.of(verb, operands, 1, Set.of()), s);
            case "LISTUSER" -> listUser(RacfCommand.of(verb, operands, 1, Set.of()), s);
            case "ADDGROUP" -> addGroup(RacfCommand.of(verb, operands, 1, Set.of("SUPGROUP", "OWNER", "DATA")), s);
            case "DELGROUP" -> delGroup(RacfCommand.of(verb, operands, 1, Set.of()), s);
            case "CONNECT" -> connect(RacfCommand.of(verb, operands, 1, Set.of("GROUP", "OWNER", "AUTHORITY")), s, true);
            case "REMOVE" -> connect(RacfCommand.of(verb, operands, 1, Set.of("GROUP", "OWNER")), s, false);
            case "RDEFINE" -> rdefine(RacfCommand.of(verb, operands, 2, Set.of("UACC", "APPLDATA", "SSIGNON", "OWNER",
                    "DATA", "CDTINFO")), s);
            case "RALTER" -> ralter(RacfCommand.of(verb, operands, 2, Set.of("UACC", "APPLDATA", "NOAPPLDATA", "SSIGNON",
                    "NOSSIGNON", "OWNER", "DATA")), s);
            case "RDELETE" -> rdelete(RacfCommand.of(verb, operands, 2, Set.of()), s);
            case "RLIST" -> rlist(RacfCommand.of(verb, operands, 2, Set.of("AUTHUSER", "ALL", "SSIGNON")), s);
            case "PERMIT" -> permit(RacfCommand.of(verb, operands, 1, Set.of("CLASS", "ID", "ACCESS", "DELETE")), s);
            case "SETROPTS" -> setropts(RacfCommand.of(verb, operands, 0, Set.of("PASSWORD", "RACLIST", "REFRESH",
                    "GENERIC", "GENCMD", "CLASSACT", "LIST")), s);
            case "RACDCERT" -> racdcert(RacfCommand.of(verb, operands, 0, Set.of("ID", "MAP", "SDNFILTER", "IDNFILTER",
                    "WITHLABEL")), s);
            default -> throw new RacfCommandException(8, "unknown command " + verb + " (PassGate knows ADDUSER ALTUSER"
                    + " DELUSER LISTUSER ADDGROUP DELGROUP CONNECT REMOVE RDEFINE RALTER RDELETE RLIST PERMIT SETROPTS"
                    + " RACDCERT)");
        };
    }

    // --- users ------------------------------------------------------------------------

    private List<String> addUser(RacfCommand c, Stores s) {
        String id = id(c.positional(0), "user ID");
        if (s.users().exists(id)) {
            throw new RacfCommandException(8, "user " + id + " is already defined");
        }
        if (s.groups().exists(id)) {
            throw new RacfCommandException(8, id + " is already a group");
        }
        String group = c.value("DFLTGRP").map(g -> id(g, "group")).orElse(DEFAULT_GROUP);
        requireGroup(s, group);
        c.exclusive("PASSWORD", "NOPASSWORD");
        c.exclusive("PHRASE", "NOPASSWORD");
        long now = clock.millis();
        boolean expired = !c.has("NOEXPIRED");
        UserRecord u = new UserRecord(id, c.value("NAME").orElse(null), group, password(c).orElse(null),
                phrase(c).orElse(null), expired, now, null, false, 0, c.has("NOPASSWORD"), c.has("SPECIAL"),
                totp(c, id).orElse(null), now);
        s.users().insert(u);
        s.users().connect(id, group);
        return List.of("user " + id + " defined, default group " + group
                + (u.passwordHash() != null || u.phraseHash() != null ? expired ? ", password expired (change at first logon)"
                        : ", password set" : u.protectedUser() ? ", protected (no password logon)" : ", no password"));
    }

    private List<String> altUser(RacfCommand c, Stores s) {
        UserRecord u = requireUser(s, c.positional(0));
        c.exclusive("REVOKE", "RESUME");
        c.exclusive("PASSWORD", "NOPASSWORD");
        c.exclusive("EXPIRED", "NOEXPIRED");
        c.exclusive("SPECIAL", "NOSPECIAL");
        c.exclusive("TOTP", "NOTOTP");
        List<String> out = new ArrayList<>();
        String group = c.value("DFLTGRP").map(g -> id(g, "group")).orElse(u.defaultGroup());
        if (c.has("DFLTGRP")) {
            requireGroup(s, group);
            s.users().connect(u.userId(), group);
        }
        String passwordHash = u.passwordHash();
        String phraseHash = u.phraseHash();
        boolean expired = u.passwordExpired();
        Long changedAt = u.passwordChangedAt();
        boolean protectedUser = u.protectedUser();
        if (c.has("PASSWORD") || c.has("PW") || c.has("PHRASE")) {
            passwordHash = password(c).orElse(passwordHash);
            phraseHash = phrase(c).orElse(phraseHash);
            expired = !c.has("NOEXPIRED");
            changedAt = clock.millis();
            protectedUser = false;
            out.add("password " + (expired ? "set, expired (change at next logon)" : "set"));
        } else if (c.has("EXPIRED") || c.has("NOEXPIRED")) {
            expired = c.has("EXPIRED");
        }
        if (c.has("NOPASSWORD")) {
            passwordHash = null;
            phraseHash = null;
            protectedUser = true;
            out.add("password removed: " + u.userId() + " is a protected user (no password logon)");
        }
        if (c.has("NOPHRASE")) {
            phraseHash = null;
        }
        boolean revoked = c.has("REVOKE") || (u.revoked() && !c.has("RESUME"));
        int failures = c.has("RESUME") ? 0 : u.failures();
        Integer interval = c.value("INTERVAL").map(v -> number(v, "INTERVAL", 0, 254)).orElse(u.passwordInterval());
        String totp = c.has("NOTOTP") ? null : totp(c, u.userId()).orElse(u.totpSecret());
        boolean special = c.has("SPECIAL") || (u.special() && !c.has("NOSPECIAL"));
        s.users().update(new UserRecord(u.userId(), c.value("NAME").orElse(u.name()), group, passwordHash, phraseHash,
                expired, changedAt, interval, revoked, failures, protectedUser, special, totp, u.createdAt()));
        if (c.has("REVOKE")) {
            audit.record("REVOKE", u.userId(), null, "REVOKED", "by ALTUSER REVOKE");
            out.add("user " + u.userId() + " revoked");
        }
        if (c.has("RESUME")) {
            out.add("user " + u.userId() + " resumed");
        }
        out.add(0, "user " + u.userId() + " altered");
        return out;
    }

    private List<String> delUser(RacfCommand c, Stores s) {
        UserRecord u = requireUser(s, c.positional(0));
        s.users().delete(u.userId());
        return List.of("user " + u.userId() + " deleted");
    }

    private List<String> listUser(RacfCommand c, Stores s) {
        List<UserRecord> list = c.positional(0).equals("*") ? s.users().all() : List.of(requireUser(s, c.positional(0)));
        List<String> out = new ArrayList<>();
        for (UserRecord u : list) {
            out.add("USER=" + u.userId() + "  NAME=" + (u.name() == null ? "UNKNOWN" : u.name()) + "  DEFAULT-GROUP="
                    + u.defaultGroup());
            out.add("  ATTRIBUTES=" + (u.special() ? "SPECIAL " : "") + (u.protectedUser() ? "PROTECTED " : "")
                    + (u.revoked() ? "REVOKED" : "NONE"));
            out.add("  PASSWORD=" + (u.passwordHash() != null ? "SET" : "NONE") + "  PHRASE="
                    + (u.phraseHash() != null ? "SET" : "NONE") + "  EXPIRED=" + (u.passwordExpired() ? "YES" : "NO")
                    + "  PASS-INTERVAL=" + (u.passwordInterval() == null ? "SYSTEM" : u.passwordInterval())
                    + "  FAILED-LOGONS=" + u.failures() + "  TOTP=" + (u.totpSecret() != null ? "DEFINED" : "NONE"));
            out.add("  PASSDATE=" + (u.passwordChangedAt() == null ? "N/A" : Instant.ofEpochMilli(u.passwordChangedAt()))
                    + "  GROUPS=" + String.join(" ", s.users().groups(u.userId())));
        }
        return out;
    }

    // --- groups -----------------------------------------------------------------------

    private List<String> addGroup(RacfCommand c, Stores s) {
        String id = id(c.positional(0), "group");
        if (s.groups().exists(id) || s.users().exists(id)) {
            throw new RacfCommandException(8, id + " is already defined as a " + (s.groups().exists(id) ? "group" : "user"));
        }
        String superior = c.value("SUPGROUP").map(g -> id(g, "group")).orElse(null);
        if (superior != null) {
            requireGroup(s, superior);
        }
        s.groups().insert(id, superior, clock.millis());
        return List.of("group " + id + " defined");
    }

    private List<String> delGroup(RacfCommand c, Stores s) {
        String id = id(c.positional(0), "group");
        requireGroup(s, id);
        if (!s.groups().members(id).isEmpty()) {
            throw new RacfCommandException(8, "group " + id + " still has members: " + String.join(" ", s.groups().members(id)));
        }
        s.groups().delete(id);
        return List.of("group " + id + " deleted");
    }

    private List<String> connect(RacfCommand c, Stores s, boolean add) {
        UserRecord u = requireUser(s, c.positional(0));
        String group = id(c.value("GROUP").orElseThrow(() -> new RacfCommandException(8, c.verb + " needs GROUP(...)")),
                "group");
        requireGroup(s, group);
        if (add) {
            s.users().connect(u.userId(), group);
            return List.of("user " + u.userId() + " connected to group " + group);
        }
        if (group.equals(u.defaultGroup())) {
            throw new RacfCommandException(8, group + " is the default group of " + u.userId()
                    + ": change DFLTGRP first");
        }
        if (!s.users().remove(u.userId(), group)) {
            throw new RacfCommandException(8, "user " + u.userId() + " is not connected to group " + group);
        }
        return List.of("user " + u.userId() + " removed from group " + group);
    }

    // --- resources --------------------------------------------------------------------

    private List<String> rdefine(RacfCommand c, Stores s) {
        String className = c.upper(0);
        if (className.equals(CDT)) {
            return defineClass(c, s);
        }
        requireClass(s, className);
        String name = profileName(c.positional(1), className);
        if (s.profiles().find(className, name).isPresent()) {
            throw new RacfCommandException(8, className + " profile " + name + " is already defined");
        }
        boolean generic = ProfileName.isGeneric(name);
        String sealed = c.keyword("SSIGNON").map(o -> seal(className, name, generic,
                ssignon(o, SsignonSegment.empty()))).orElse(null);
        AccessLevel uacc = c.value("UACC").map(this::access).orElse(AccessLevel.NONE);
        s.profiles().insert(new ProfileRecord(className, name, generic, uacc, c.value("APPLDATA").orElse(null), sealed,
                Map.of()));
        List<String> out = new ArrayList<>(List.of(className + " profile " + name + " defined" + (generic ? " (generic)" : "")
                + ", UACC " + uacc + (sealed != null ? ", SSIGNON key defined" : "")));
        warnUnsafe(className, name, out);
        return out;
    }

    private List<String> defineClass(RacfCommand c, Stores s) {
        String className = id(c.positional(1), "class name");
        if (s.profiles().noProfileRule(className).isPresent()) {
            throw new RacfCommandException(8, "class " + className + " is already defined");
        }
        boolean allow = c.keyword("CDTINFO").map(o -> {
            for (Operand a : o.args()) {
                if (a.keyword().equals("DEFAULTRC")) {
                    return number(a.value(), "DEFAULTRC", 0, 8) == 0;
                }
                throw new RacfCommandException(8, "CDTINFO supports DEFAULTRC(0|4|8) only, not " + a.keyword());
            }
            return false;
        }).orElse(false);
        s.profiles().defineClass(className, allow);
        return List.of("class " + className + " defined; with no matching profile access is " + (allow ? "allowed"
                : "denied"));
    }

    private List<String> ralter(RacfCommand c, Stores s) {
        String className = c.upper(0);
        requireClass(s, className);
        ProfileRecord p = requireProfile(s, className, c.positional(1));
        c.exclusive("SSIGNON", "NOSSIGNON");
        c.exclusive("APPLDATA", "NOAPPLDATA");
        String sealed = p.sealedSsignon();
        if (c.has("SSIGNON")) {
            SsignonSegment base = sealed == null ? SsignonSegment.empty()
                    : SsignonSegment.decodeSealed(box, sealed, p.name());
            sealed = seal(className, p.name(), p.generic(), ssignon(c.keyword("SSIGNON").get(), base));
        } else if (c.has("NOSSIGNON")) {
            sealed = null;
        }
        String appldata = c.has("NOAPPLDATA") ? null : c.value("APPLDATA").orElse(p.appldata());
        AccessLevel uacc = c.value("UACC").map(this::access).orElse(p.uacc());
        s.profiles().update(new ProfileRecord(className, p.name(), p.generic(), uacc, appldata, sealed, p.access()));
        return List.of(className + " profile " + p.name() + " altered");
    }

    private List<String> rdelete(RacfCommand c, Stores s) {
        String className = c.upper(0);
        requireClass(s, className);
        ProfileRecord p = requireProfile(s, className, c.positional(1));
        s.profiles().delete(className, p.name());
        return List.of(className + " profile " + p.name() + " deleted");
    }

    private List<String> rlist(RacfCommand c, Stores s) {
        String className = c.upper(0);
        requireClass(s, className);
        List<ProfileRecord> list = c.positional(1).equals("*") ? s.profiles().all(className)
                : List.of(requireProfile(s, className, c.positional(1)));
        List<String> out = new ArrayList<>();
        for (ProfileRecord p : list) {
            out.add("CLASS=" + className + "  NAME=" + p.name() + (p.generic() ? " (G)" : "") + "  UACC=" + p.uacc());
            out.add("  APPLDATA=" + (p.appldata() == null ? "NONE" : p.appldata()));
            if (className.equals(PTKTDATA)) {
                // Listings say only that a key exists, never what it is.
                out.add("  SSIGNON=" + (p.hasSsignon() ? SsignonSegment.decodeSealed(box, p.sealedSsignon(), p.name())
                        .describe() : "NONE"));
            }
            StringBuilder acl = new StringBuilder("  ACCESS LIST:");
            p.access().forEach((who, level) -> acl.append(' ').append(who).append('=').append(level));
            out.add(p.access().isEmpty() ? "  ACCESS LIST: NONE" : acl.toString());
        }
        return out;
    }

    private List<String> permit(RacfCommand c, Stores s) {
        String className = c.value("CLASS").map(v -> v.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new RacfCommandException(8, "PERMIT needs CLASS(...)"));
        requireClass(s, className);
        ProfileRecord p = requireProfile(s, className, c.positional(0));
        List<String> ids = c.keyword("ID").orElseThrow(() -> new RacfCommandException(8, "PERMIT needs ID(...)"))
                .values().stream().map(v -> v.equals("*") ? "*" : id(v, "user or group ID")).toList();
        for (String id : ids) {
            if (!id.equals("*") && !s.users().exists(id) && !s.groups().exists(id)) {
                throw new RacfCommandException(8, id + " is neither a user nor a group");
            }
        }
        c.exclusive("ACCESS", "DELETE");
        List<String> out = new ArrayList<>();
        if (c.has("DELETE")) {
            for (String id : ids) {
                if (!s.profiles().unpermit(className, p.name(), id)) {
                    throw new RacfCommandException(8, id + " is not in the access list of " + className + " " + p.name());
                }
                out.add(id + " removed from the access list of " + className + " " + p.name());
            }
            return out;
        }
        AccessLevel level = c.value("ACCESS").map(this::access).orElse(AccessLevel.READ);
        for (String id : ids) {
            s.profiles().permit(className, p.name(), id, level);
            out.add(id + " given " + level + " to " + className + " " + p.name());
        }
        return out;
    }

    private List<String> setropts(RacfCommand c, Stores s) {
        List<String> out = new ArrayList<>();
        c.keyword("PASSWORD").ifPresent(pw -> {
            if (!pw.hasArgs()) {
                throw new RacfCommandException(8, "PASSWORD needs options, e.g. PASSWORD(REVOKE(5) INTERVAL(90))");
            }
            Map<String, Integer> changes = new LinkedHashMap<>();
            for (Operand o : pw.args()) {
                switch (o.keyword()) {
                    case "REVOKE" -> changes.put(SecurityOptions.REVOKE, number(o.value(), "REVOKE", 1, 255));
                    case "NOREVOKE" -> changes.put(SecurityOptions.REVOKE, 0);
                    case "INTERVAL" -> changes.put(SecurityOptions.INTERVAL, number(o.value(), "INTERVAL", 1, 254));
                    case "MINLENGTH" -> changes.put(SecurityOptions.MINLENGTH, number(o.value(), "MINLENGTH", 1, 8));
                    default -> throw new RacfCommandException(8, "SETROPTS PASSWORD supports REVOKE(n), NOREVOKE,"
                            + " INTERVAL(days) and MINLENGTH(n), not " + o.keyword());
                }
            }
            changes.forEach((k, v) -> {
                s.options().set(k, v);
                out.add("password option " + k + " set to " + v);
            });
        });
        for (String noop : List.of("RACLIST", "REFRESH", "GENERIC", "GENCMD", "CLASSACT")) {
            if (c.has(noop)) {
                out.add(noop + " accepted: this node reads its profiles again now, other nodes within 5 seconds");
            }
        }
        if (c.has("LIST")) {
            out.add("PASSWORD REVOKE=" + s.options().revokeLimit() + " INTERVAL=" + s.options().intervalDays()
                    + " MINLENGTH=" + s.options().minLength());
        }
        return out;
    }

    /** RACDCERT ID(user) MAP SDNFILTER('subject DN') [IDNFILTER('issuer DN')]: certificate logon for a user. */
    private List<String> racdcert(RacfCommand c, Stores s) {
        if (!c.has("MAP")) {
            throw new RacfCommandException(8, "PassGate's RACDCERT supports MAP only");
        }
        UserRecord u = requireUser(s, c.value("ID").orElseThrow(() -> new RacfCommandException(8, "RACDCERT MAP needs ID(...)")));
        String subject = c.value("SDNFILTER").orElseThrow(() -> new RacfCommandException(8, "RACDCERT MAP needs SDNFILTER('...')"));
        String issuer = c.value("IDNFILTER").orElse(null);
        s.users().mapCertificate(subject, issuer, u.userId());
        return List.of("certificates with subject " + subject + (issuer != null ? " from issuer " + issuer : "")
                + " now log on as " + u.userId());
    }

    // --- pieces -----------------------------------------------------------------------

    private SsignonSegment ssignon(Operand o, SsignonSegment base) {
        if (!o.hasArgs() || o.args().isEmpty()) {
            throw new RacfCommandException(8, "SSIGNON needs a key, e.g. SSIGNON(KEYMASKED(<16 hex digits>))");
        }
        String legacy = base.legacyKeyHex();
        String enhanced = base.enhancedKeyHex();
        PassTicketType type = base.type();
        int timeout = base.timeout();
        boolean replay = base.replay();
        for (Operand a : o.args()) {
            switch (a.keyword()) {
                case "KEYMASKED", "KEYENCRYPTED" -> legacy = hexKey(a, 16, 16);
                case "EPTKEYMASKED" -> enhanced = hexKey(a, 64, 512);
                case "EPTTYPE" -> type = parseType(a.value());
                case "EPTTIMEOUT" -> timeout = number(a.value(), "EPTTIMEOUT", 1, 600);
                case "EPTREPLAY" -> replay = yesNo(a.value(), "EPTREPLAY");
                case "KEYLABEL", "EPTKEYLABEL" -> throw new RacfCommandException(8, a.keyword() + ": ICSF key labels are"
                        + " not supported; give the key itself with KEYMASKED or EPTKEYMASKED");
                default -> throw new RacfCommandException(8, "SSIGNON supports KEYMASKED, KEYENCRYPTED, EPTKEYMASKED,"
                        + " EPTTYPE, EPTTIMEOUT and EPTREPLAY, not " + a.keyword());
            }
        }
        return new SsignonSegment(legacy, enhanced, type, timeout, replay);
    }

    private String seal(String className, String name, boolean generic, SsignonSegment segment) {
        if (!className.equals(PTKTDATA)) {
            throw new RacfCommandException(8, "SSIGNON belongs to PTKTDATA profiles only");
        }
        if (generic) {
            throw new RacfCommandException(8, "SSIGNON needs a discrete profile: generic PTKTDATA profiles are ignored"
                    + " when tickets are made or checked");
        }
        return segment.seal(box, name);
    }

    private static String hexKey(Operand a, int minDigits, int maxDigits) {
        String hex = a.value().trim();
        if (!hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new RacfCommandException(8, a.keyword() + " must be hexadecimal digits");
        }
        if (hex.length() < minDigits || hex.length() > maxDigits || hex.length() % 2 != 0) {
            throw new RacfCommandException(8, a.keyword() + " has " + hex.length() + " hexadecimal digits; it needs "
                    + (minDigits == maxDigits ? Integer.toString(minDigits) : "an even number from " + minDigits + " to "
                            + maxDigits));
        }
        return hex.toUpperCase(Locale.ROOT);
    }

    private void warnUnsafe(String className, String name, List<String> out) {
        if ((className.equals(PTKTDATA) || className.equals("APPL")) && UnsafeApplids.isUnsafe(name, systemName)) {
            out.add("WARNING: " + UnsafeApplids.explain(name));
        }
    }

    private Optional<String> password(RacfCommand c) {
        if (c.has("PASSWORD") && c.has("PW")) {
            throw new RacfCommandException(8, "PASSWORD is given twice");
        }
        return c.value(c.has("PW") ? "PW" : "PASSWORD").map(p -> {
            if (p.length() > PasswordRules.PASSWORD_MAX) {
                throw new RacfCommandException(8, "PASSWORD takes up to 8 characters; use PHRASE for longer ones");
            }
            return checkedHash(p);
        });
    }

    private Optional<String> phrase(RacfCommand c) {
        return c.value("PHRASE").map(p -> {
            if (p.length() < PasswordRules.PHRASE_MIN || p.length() > PasswordRules.PHRASE_MAX) {
                throw new RacfCommandException(8, "PHRASE takes 9 to 100 characters");
            }
            return checkedHash(p);
        });
    }

    private String checkedHash(String secret) {
        PasswordRules.problem(secret.toCharArray(), 1).ifPresent(problem -> {
            throw new RacfCommandException(8, problem);
        });
        return hasher.hash(secret.toCharArray());
    }

    /** TOTP(base-16 secret): sealed under the master key, bound to the user. */
    private Optional<String> totp(RacfCommand c, String userId) {
        return c.value("TOTP").map(hex -> {
            if (hex.length() < 20 || hex.length() % 2 != 0 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                throw new RacfCommandException(8, "TOTP takes a secret of at least 10 bytes in hexadecimal");
            }
            return box.seal(HexFormat.of().formatHex(HexFormat.of().parseHex(hex)), "TOTP/" + userId);
        });
    }

    private static String id(String text, String what) {
        try {
            return RacfName.normalize(text, what);
        } catch (IllegalArgumentException e) {
            throw new RacfCommandException(8, e.getMessage());
        }
    }

    /** Profile names are upper-cased as in RACF, except in FILE, whose paths are case-sensitive (CASE(ASIS)). */
    private static String profileName(String text, String className) {
        String name = className.equals("FILE") ? text : text.toUpperCase(Locale.ROOT);
        if (name.length() > 246 || name.chars().anyMatch(Character::isWhitespace)) {
            throw new RacfCommandException(8, className + " profile names have 1 to 246 characters and no blanks");
        }
        return name;
    }

    private AccessLevel access(String text) {
        try {
            return AccessLevel.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RacfCommandException(8, e.getMessage());
        }
    }

    private static PassTicketType parseType(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        if (!t.equals("UPPER") && !t.equals("MIXED")) {
            throw new RacfCommandException(8, "EPTTYPE is UPPER or MIXED");
        }
        return PassTicketType.valueOf(t);
    }

    private static boolean yesNo(String text, String what) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "YES" -> true;
            case "NO" -> false;
            default -> throw new RacfCommandException(8, what + " is YES or NO");
        };
    }

    private static int number(String text, String what, int min, int max) {
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

    private static UserRecord requireUser(Stores s, String text) {
        String id = id(text, "user ID");
        return s.users().find(id).orElseThrow(() -> new RacfCommandException(8, "user " + id + " is not defined"));
    }

    private static void requireGroup(Stores s, String group) {
        if (!s.groups().exists(group)) {
            throw new RacfCommandException(8, "group " + group + " is not defined");
        }
    }

    private static void requireClass(Stores s, String className) {
        if (s.profiles().noProfileRule(className).isEmpty()) {
            throw new RacfCommandException(8, "class " + className + " is not defined (built in: APPL PTKTDATA SERVAUTH"
                    + " FACILITY FILE; define more with RDEFINE CDT)");
        }
    }

    private static ProfileRecord requireProfile(Stores s, String className, String text) {
        String name = profileName(text, className);
        return s.profiles().find(className, name)
                .orElseThrow(() -> new RacfCommandException(8, className + " profile " + name + " is not defined"));
    }
}
