package dev.passgate.security.racf;

import dev.passgate.security.AuditEvent;
import dev.passgate.security.AuditLog;
import dev.passgate.security.UserRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTUSER: changes what its keywords name and keeps the rest. A new password or phrase is
 * expired unless NOEXPIRED and ends a NOPASSWORD protection; RESUME also clears the count of
 * failed logons; a REVOKE is audited as a revoke of its own besides the command.
 */
final class AltUser implements RacfVerb {

    private static final RacfSyntax SYNTAX = RacfSyntax.of("ALTUSER", "ALU")
            .operands("userid")
            .accepts("NAME('name')", "DFLTGRP(group)", "PASSWORD(1-8 characters)", "PW(1-8 characters)",
                    "PHRASE('9-100 characters')", "NOPASSWORD", "NOPHRASE", "EXPIRED", "NOEXPIRED", "REVOKE", "RESUME",
                    "SPECIAL", "NOSPECIAL", "INTERVAL(0-254 days)", "TOTP(hex secret)", "NOTOTP", "OWNER(ignored)",
                    "DATA(ignored)")
            .purpose("changes a user; a new password is expired unless NOEXPIRED; RESUME clears the failed logons");

    private final UserSecrets secrets;
    private final AuditLog audit;
    private final Clock clock;

    AltUser(UserSecrets secrets, AuditLog audit, Clock clock) {
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        UserRecord u = s.requireUser(c.positional(0));
        c.exclusive("REVOKE", "RESUME");
        c.exclusive("PASSWORD", "NOPASSWORD");
        c.exclusive("EXPIRED", "NOEXPIRED");
        c.exclusive("SPECIAL", "NOSPECIAL");
        c.exclusive("TOTP", "NOTOTP");
        List<String> out = new ArrayList<>();
        out.add("user " + u.userId() + " altered");
        UserRecord next = u;
        if (c.has("DFLTGRP")) {
            String group = OperandValues.id(c.value("DFLTGRP").orElseThrow(), "group");
            s.requireGroup(group);
            s.users().connect(u.userId(), group);
            next = next.withDefaultGroup(group);
        }
        // The values are checked in this order, so that of several bad ones the same is reported as always.
        if (c.has("PASSWORD") || c.has("PW") || c.has("PHRASE")) {
            boolean expired = !c.has("NOEXPIRED");
            next = next.withPasswordHash(secrets.password(c).orElse(next.passwordHash()))
                    .withPhraseHash(secrets.phrase(c).orElse(next.phraseHash()))
                    .withPasswordExpired(expired)
                    .withPasswordChangedAt(clock.millis())
                    .withProtectedUser(false);
            out.add("password " + (expired ? "set, expired (change at next logon)" : "set"));
        } else if (c.has("EXPIRED") || c.has("NOEXPIRED")) {
            next = next.withPasswordExpired(c.has("EXPIRED"));
        }
        if (c.has("NOPASSWORD")) {
            next = next.withPasswordHash(null).withPhraseHash(null).withProtectedUser(true);
            out.add("password removed: " + u.userId() + " is a protected user (no password logon)");
        }
        if (c.has("NOPHRASE")) {
            next = next.withPhraseHash(null);
        }
        if (c.has("REVOKE")) {
            next = next.withRevoked(true);
        }
        if (c.has("RESUME")) {
            next = next.withRevoked(false).withFailures(0);
        }
        if (c.has("INTERVAL")) {
            next = next.withPasswordInterval(OperandValues.number(c.value("INTERVAL").orElseThrow(), "INTERVAL", 0, 254));
        }
        if (c.has("NOTOTP")) {
            next = next.withTotpSecret(null);
        } else if (c.has("TOTP")) {
            next = next.withTotpSecret(secrets.totp(c, u.userId()).orElseThrow());
        }
        if (c.has("SPECIAL") || c.has("NOSPECIAL")) {
            next = next.withSpecial(c.has("SPECIAL"));
        }
        if (c.has("NAME")) {
            next = next.withName(c.value("NAME").orElseThrow());
        }
        s.users().update(next);
        if (c.has("REVOKE")) {
            audit.record(AuditEvent.REVOKE, u.userId(), null, "REVOKED", "by ALTUSER REVOKE");
            out.add("user " + u.userId() + " revoked");
        }
        if (c.has("RESUME")) {
            out.add("user " + u.userId() + " resumed");
        }
        return out;
    }
}
