package dev.passgate.security.racf;

import dev.passgate.security.PasswordHasher;
import dev.passgate.security.PasswordRules;
import dev.passgate.security.SecretBox;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secrets ADDUSER and ALTUSER take: checked against RACF's lengths and PassGate's rules,
 * then hashed or sealed at once, so no verb ever holds one as given.
 */
final class UserSecrets {

    private final PasswordHasher hasher;
    private final SecretBox box;

    UserSecrets(PasswordHasher hasher, SecretBox box) {
        this.hasher = hasher;
        this.box = box;
    }

    /** PASSWORD(...) or its short form PW(...), hashed. */
    Optional<String> password(RacfCommand c) {
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

    /** PHRASE('...'), hashed. */
    Optional<String> phrase(RacfCommand c) {
        return c.value("PHRASE").map(p -> {
            if (p.length() < PasswordRules.PHRASE_MIN || p.length() > PasswordRules.PHRASE_MAX) {
                throw new RacfCommandException(8, "PHRASE takes 9 to 100 characters");
            }
            return checkedHash(p);
        });
    }

    /** TOTP(base-16 secret): sealed under the master key, bound to the user. */
    Optional<String> totp(RacfCommand c, String userId) {
        return c.value("TOTP").map(hex -> {
            if (hex.length() < 20 || hex.length() % 2 != 0 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                throw new RacfCommandException(8, "TOTP takes a secret of at least 10 bytes in hexadecimal");
            }
            return box.seal(HexFormat.of().formatHex(HexFormat.of().parseHex(hex)), "TOTP/" + userId);
        });
    }

    private String checkedHash(String secret) {
        PasswordRules.problem(secret.toCharArray(), 1).ifPresent(problem -> {
            throw new RacfCommandException(8, problem);
        });
        return hasher.hash(secret.toCharArray());
    }
}
