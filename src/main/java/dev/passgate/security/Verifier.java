package dev.passgate.security;

import dev.passgate.passticket.Evaluation;
import dev.passgate.passticket.PassTicketEvaluator;
import dev.passgate.passticket.RacfName;
import dev.passgate.security.VerifyResult.Outcome;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * RACROUTE VERIFY: checks one logon's credentials and, on success, creates the user's
 * {@link SecurityEnvironment}.
 *
 * <p>Rules clients can observe: an unknown user, a wrong secret and a revoked user give
 * their outcomes after the same work (one password check of {@link PasswordHasher#checkCost()}
 * iterations, or one PassTicket evaluation); {@code USER_REVOKED} answers a revoked user
 * whatever secret was sent, so it tells nothing about the secret; {@code PASSWORD_EXPIRED}
 * is revealed only after a correct password; each wrong secret counts once toward the
 * SETROPTS revoke limit; a protected (NOPASSWORD) user can never log on with a password.
 * Every call is audited without its secrets.
 */
public final class Verifier {

    private final UserStore users;
    private final SecurityOptions options;
    private final PasswordHasher hasher;
    private final PassTicketEvaluator passTickets;
    private final SecretBox box;
    private final Totp totp;
    private final AuditLog audit;
    private final Clock clock;

    public Verifier(UserStore users, SecurityOptions options, PasswordHasher hasher, PassTicketEvaluator passTickets,
            SecretBox box, AuditLog audit, Clock clock) {
        this.users = users;
        this.options = options;
        this.hasher = hasher;
        this.passTickets = passTickets;
        this.box = box;
        this.totp = Totp.standard();
        this.audit = audit;
        this.clock = clock;
    }

    /** The user's default group, which a PassTicket of theirs is evaluated under; null for an unknown user. */
    String defaultGroupOf(String user) {
        return user(user).map(UserRecord::defaultGroup).orElse(null);
    }

    public VerifyResult verify(VerifyRequest request) {
        VerifyResult result = switch (request.method()) {
            case PASSWORD -> byPassword(request);
            case PASSTICKET -> byPassTicket(request);
            case CERTIFICATE -> byCertificate(request);
            default -> throw new IllegalArgumentException("unsupported logon method " + request.method());
        };
        String who = result.environment() != null ? result.environment().user() : normalizedOrNull(request.user());
        audit.record(AuditEvent.VERIFY, who, request.origin(), result.outcome().name(), request.method() + ": " + result.detail());
        return result;
    }

    /**
     * An environment for a user someone this node trusts has already vouched for (a partner's
     * verified UTOKEN): no secret is checked, but the user must still exist and not be revoked.
     * Audited as a TRUSTED verify, with who vouched in the detail.
     */
    public VerifyResult trusted(String userId, String origin, String vouchedBy) {
        Optional<UserRecord> found = user(userId);
        VerifyResult result = found.isEmpty() ? fail(Outcome.AUTH_FAILED, "unknown user")
                : found.get().revoked() ? fail(Outcome.USER_REVOKED, "user is revoked")
                : succeed(found.get(), LogonMethod.TRUSTED, "vouched for by " + vouchedBy);
        audit.record(AuditEvent.VERIFY, found.map(UserRecord::userId).orElse(normalizedOrNull(userId)), origin,
                result.outcome().name(), LogonMethod.TRUSTED + ": " + result.detail());
        return result;
    }

    private VerifyResult byPassword(VerifyRequest r) {
        char[] secret = r.password() == null ? new char[0] : r.password();
        boolean phrase = PasswordRules.isPhrase(secret);
        UserRecord u = user(r.user()).orElse(null);
        String record = u == null || u.protectedUser() ? null : phrase ? u.phraseHash() : u.passwordHash();
        // The password work comes first and is the same for every answer below, so that neither
        // the time nor the answer of a refused logon depends on whether the password was right.
        boolean correct = passwordMatches(secret, record);
        if (u == null) {
            return fail(Outcome.AUTH_FAILED, "unknown user");
        }
        if (u.revoked()) {
            return fail(Outcome.USER_REVOKED, "user is revoked");
        }
        if (record == null) {
            return fail(Outcome.AUTH_FAILED, u.protectedUser() ? "protected user (NOPASSWORD) cannot use a password"
                    : "no " + (phrase ? "phrase" : "password") + " is set");
        }
        if (!correct) {
            return wrongSecret(u, "wrong password");
        }
        Optional<VerifyResult> otpProblem = checkOtp(u, r.otp(), true);
        if (otpProblem.isPresent()) {
            return otpProblem.get();
        }
        boolean expired = expired(u);
        if (expired && r.newPassword() == null) {
            return fail(Outcome.PASSWORD_EXPIRED, "password expired");
        }
        if (r.newPassword() != null) {
            Optional<String> problem = changePassword(u, secret, r.newPassword());
            if (problem.isPresent()) {
                return fail(Outcome.PASSWORD_REJECTED, problem.get());
            }
        } else if (hasher.outdated(record)) {
            rehash(u, secret);
        }
        return succeed(u, LogonMethod.PASSWORD, expired ? "password changed at logon" : "password");
    }

    /** One password check's work, also when there is no record to check against. */
    private boolean passwordMatches(char[] secret, String record) {
        if (record == null) {
            hasher.burn(secret);
            return false;
        }
        return hasher.verify(secret, record);
    }

    private VerifyResult byPassTicket(VerifyRequest r) {
        Optional<UserRecord> found = user(r.user());
        if (found.isEmpty()) {
            return fail(Outcome.AUTH_FAILED, "unknown user");
        }
        UserRecord u = found.get();
        Evaluation e = passTickets.evaluate(u.userId(), u.defaultGroup(), r.applid(), r.passticket());
        if (u.revoked()) {
            return fail(Outcome.USER_REVOKED, "user is revoked"); // whatever the ticket, after the same evaluation
        }
        switch (e.outcome()) {
            case VALID:
                break;
            case NO_PROFILE:
            case NO_KEY:
                return fail(Outcome.PASSTICKET_SETUP, e.describe());
            default:
                return wrongSecret(u, e.describe());
        }
        Optional<VerifyResult> otpProblem = checkOtp(u, r.otp(), false);
        return otpProblem.orElseGet(() -> succeed(u, LogonMethod.PASSTICKET, e.describe()));
    }

    /**
     * The PassTicket verify of an environment built for a user this logon has just verified:
     * the ticket is evaluated (replay checked where its profile asks) and audited as any
     * PassTicket verify, but the user and their groups are the verified environment's, not
     * read from the store again.
     */
    public VerifyResult passTicketFor(SecurityEnvironment verified, String ticket, String applid, String origin) {
        VerifyResult result = environmentFrom(verified, passTickets.evaluate(verified.user(), verified.defaultGroup(),
                applid, ticket));
        audit.record(AuditEvent.VERIFY, verified.user(), origin, result.outcome().name(),
                LogonMethod.PASSTICKET + ": " + result.detail());
        return result;
    }

    /** The PassTicket environment of a verified user whose ticket was evaluated: the verify without its audit record. */
    VerifyResult environmentFrom(SecurityEnvironment verified, Evaluation e) {
        return switch (e.outcome()) {
            case VALID -> new VerifyResult(Outcome.SUCCESS, new SecurityEnvironment(verified.user(), verified.defaultGroup(),
                    verified.groups(), LogonMethod.PASSTICKET, clock.instant()), e.describe());
            case NO_PROFILE, NO_KEY -> fail(Outcome.PASSTICKET_SETUP, e.describe());
            default -> fail(Outcome.AUTH_FAILED, e.describe());
        };
    }

    private VerifyResult byCertificate(VerifyRequest r) {
        Optional<String> mapped = users.userForCertificate(r.certificateSubject(), r.certificateIssuer());
        Optional<UserRecord> found = mapped.flatMap(users::find);
        if (found.isEmpty()) {
            return fail(Outcome.AUTH_FAILED, "certificate is not mapped to a user");
        }
        UserRecord u = found.get();
        if (u.revoked()) {
            return fail(Outcome.USER_REVOKED, "user is revoked");
        }
        Optional<VerifyResult> otpProblem = checkOtp(u, r.otp(), false);
        return otpProblem.orElseGet(() -> succeed(u, LogonMethod.CERTIFICATE, "certificate " + r.certificateSubject()));
    }

    /** With required=true a user with a TOTP secret must give a code; otherwise a code given is checked. */
    private Optional<VerifyResult> checkOtp(UserRecord u, String otp, boolean required) {
        if (u.totpSecret() == null) {
            return Optional.empty();
        }
        if (otp == null) {
            return required ? Optional.of(fail(Outcome.OTP_REQUIRED, "one-time password required")) : Optional.empty();
        }
        byte[] secret = HexFormat.of().parseHex(box.open(u.totpSecret(), totpBinding(u.userId())));
        if (!totp.verify(secret, otp, clock.instant().getEpochSecond())) {
            return Optional.of(wrongSecret(u, "wrong one-time password"));
        }
        return Optional.empty();
    }

    static String totpBinding(String userId) {
        return "TOTP/" + userId;
    }

    private Optional<String> changePassword(UserRecord u, char[] current, char[] next) {
        Optional<String> problem = PasswordRules.problem(next, options.minLength());
        if (problem.isPresent()) {
            return problem;
        }
        if (java.util.Arrays.equals(current, next)) {
            return Optional.of("the new password must differ from the current one");
        }
        String hash = hasher.hash(next);
        UserRecord changed = PasswordRules.isPhrase(next) ? u.withPhraseHash(hash) : u.withPasswordHash(hash);
        users.update(changed.withPasswordExpired(false).withPasswordChangedAt(clock.millis()).withFailures(0));
        return Optional.empty();
    }

    private void rehash(UserRecord u, char[] secret) {
        String hash = hasher.hash(secret);
        users.update(PasswordRules.isPhrase(secret) ? u.withPhraseHash(hash) : u.withPasswordHash(hash));
    }

    private boolean expired(UserRecord u) {
        if (u.passwordExpired()) {
            return true;
        }
        int days = u.passwordInterval() != null ? u.passwordInterval() : options.intervalDays();
        return u.passwordChangedAt() != null && days > 0
                && clock.millis() > u.passwordChangedAt() + days * 86_400_000L;
    }

    /** Counts the failure and revokes the user at the SETROPTS limit. */
    private VerifyResult wrongSecret(UserRecord u, String detail) {
        int failures = users.recordFailure(u.userId());
        int limit = options.revokeLimit();
        if (!u.revoked() && limit > 0 && failures >= limit) {
            users.setRevoked(u.userId(), true);
            audit.record(AuditEvent.REVOKE, u.userId(), null, "REVOKED", failures + " consecutive failed logons (limit " + limit + ")");
        }
        return fail(Outcome.AUTH_FAILED, detail);
    }

    private VerifyResult succeed(UserRecord u, LogonMethod method, String detail) {
        if (u.failures() != 0) {
            users.resetFailures(u.userId());
        }
        var env = new SecurityEnvironment(u.userId(), u.defaultGroup(), users.groups(u.userId()), method, clock.instant());
        return new VerifyResult(Outcome.SUCCESS, env, detail);
    }

    private static VerifyResult fail(Outcome outcome, String detail) {
        return new VerifyResult(outcome, null, detail);
    }

    private Optional<UserRecord> user(String id) {
        String normalized = normalizedOrNull(id);
        return normalized == null ? Optional.empty() : users.find(normalized);
    }

    private static String normalizedOrNull(String id) {
        return id != null && RacfName.isValid(id) ? RacfName.normalize(id, "user ID") : null;
    }
}
