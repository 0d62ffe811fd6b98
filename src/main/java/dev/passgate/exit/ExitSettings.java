package dev.passgate.exit;

import dev.passgate.settings.PassGateSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Who decides logons and file access: the security mode, its export rules and the login exits. */
public record ExitSettings(SecurityMode mode, boolean allowNone, Path exportsFile, Optional<String> exitClass,
        Duration timeout) {

    /** saf, safexp, exports or none (docs/exits.md). */
    public static final String MODE = "passgate.security";
    /** Start with mode none and no exit anyway (passwords are still verified). */
    public static final String ALLOW_NONE = "passgate.security.allow-none";
    /** Export rules for safexp and exports. */
    public static final String EXPORTS_FILE = "passgate.security.exports-file";
    /** The Java login exit: a class implementing LoginExit. */
    public static final String EXIT_CLASS = "passgate.exit.class";
    /** Seconds an exit may take before its request fails with EXIT_REJECTED. */
    public static final String TIMEOUT = "passgate.exit.timeout";

    public static ExitSettings from(PassGateSettings s) {
        return new ExitSettings(SecurityMode.parse(s.string(MODE)), s.flag(ALLOW_NONE), s.path(EXPORTS_FILE),
                s.find(EXIT_CLASS), s.seconds(TIMEOUT));
    }
}
