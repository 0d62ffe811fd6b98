package dev.passgate.miner;

import dev.passgate.settings.PassGateSettings;
import java.nio.file.Path;

/** The files miner's tree and limits ({@code passgate.files.*}). */
public record FilesSettings(Path root, long maxBytes, long quotaBytes) {

    /** The miner's "/"; homes are /u/&lt;user&gt; below it. */
    public static final String ROOT = "passgate.files.root";
    /** Largest file the miner writes. */
    public static final String MAX_BYTES = "passgate.files.max-bytes";
    /** Most bytes the files of one home may add up to. */
    public static final String QUOTA_BYTES = "passgate.files.quota-bytes";

    public static FilesSettings from(PassGateSettings s) {
        return new FilesSettings(s.path(ROOT), s.longNumber(MAX_BYTES), s.longNumber(QUOTA_BYTES));
    }
}
