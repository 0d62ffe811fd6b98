package dev.passgate.exit;

import dev.passgate.settings.PassGateSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Who decides logons and file access: the security mode, its export rules and the login exits. */
public record ExitSettings(SecurityMode mode, boolean allowNone, Path exportsFile, Optional<String> exitBean,
        Optional<String> exitClass, Duration timeout) {

    /** saf, safexp, exports or none (docs/exits.md). */
    public static final String MODE = "passgate.security";
    /** Start with mode none and no exit anyway (passwords are still verified). */
    public static final String ALLOW_NONE = "passgate.security.allow-none";
    /** Export rules for safexp and exports. */
    public static final String EXPORTS_FILE = "passgate.security.exports-file";
    /** The Java login exit: the registry name of a LoginExit bean (wins over the class). */
    public static final String EXIT_BEAN = "passgate.exit.bean";
    /** The Java login exit: a class implementing LoginExit, made by reflection when no bean is named. */
    public static final String EXIT_CLASS = "passgate.exit.class";
    /** Seconds an exit may take before its request fails with EXIT_REJECTED. */
    public static final String TIMEOUT = "passgate.exit.timeout";

    public static ExitSettings from(PassGateSettings s) {
        return new ExitSettings(SecurityMode.parse(s.string(MODE)), s.flag(ALLOW_NONE), s.path(EXPORTS_FILE),
                named(s, EXIT_BEAN), named(s, EXIT_CLASS), s.seconds(TIMEOUT));
    }

    private static Optional<String> named(PassGateSettings s, String key) {
        return s.find(key).map(String::trim).filter(n -> !n.isEmpty());
    }
}
