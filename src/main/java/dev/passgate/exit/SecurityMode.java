package dev.passgate.exit;

import java.util.Locale;

/**
 * {@code passgate.security}, after the NFS server's {@code security} attribute: who decides
 * logons and file access, exits or the security registry.
 *
 * <table>
 * <tr><th>mode</th><th>logon</th><th>files</th></tr>
 * <tr><td>saf</td><td>exit (if any), then registry</td><td>exit (if any), then FILE profiles</td></tr>
 * <tr><td>safexp</td><td>exit (if any), then registry</td><td>exit (if any), export rules, then FILE profiles</td></tr>
 * <tr><td>exports</td><td>exit alone if there is one, else the password</td><td>exit (if any), then export rules</td></tr>
 * <tr><td>none</td><td>exit alone</td><td>exit alone</td></tr>
 * </table>
 */
public enum SecurityMode {
    SAF, SAFEXP, EXPORTS, NONE;

    public static SecurityMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("passgate.security is saf, safexp, exports or none, not '" + text + "'");
        }
    }

    /** Whether the registry verifies logons after the exit (always, when no exit exists). */
    public boolean registryVerifiesLogon(boolean exitActive) {
        return !exitActive || this == SAF || this == SAFEXP;
    }

    public boolean registryChecksFiles() {
        return this == SAF || this == SAFEXP;
    }

    public boolean exportRulesApply() {
        return this == SAFEXP || this == EXPORTS;
    }
}
