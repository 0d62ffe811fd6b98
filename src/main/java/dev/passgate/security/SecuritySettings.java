package dev.passgate.security;

import dev.passgate.settings.PassGateSettings;
import java.nio.file.Path;
import java.util.Optional;

/** The security registry's settings ({@code passgate.security.*} but the exit modes, and {@code passgate.audit.*}). */
public record SecuritySettings(Optional<String> masterKey, Path masterKeyFile, boolean createMasterKey,
        int passwordIterations, Path bootstrapFile, int auditRetentionDays, String auditPurgeCron) {

    /** 64 hex digits (AES-256) sealing PassTicket keys and TOTP secrets; best from the environment. */
    public static final String MASTER_KEY = "passgate.security.master-key";
    /** Where the master key is kept when it is not set; never in the data folder. */
    public static final String MASTER_KEY_FILE = "passgate.security.master-key-file";
    /**
     * Whether a missing key file is created. serve and the command line set it for their home; an
     * embedding host that gives no key fails at start instead of finding a key file in its working directory.
     */
    public static final String MASTER_KEY_CREATE = "passgate.security.master-key-create";
    /** PBKDF2-HMAC-SHA512 iterations for new password hashes. */
    public static final String PASSWORD_ITERATIONS = "passgate.security.password-iterations";
    /** RACF commands applied at every start. */
    public static final String BOOTSTRAP_FILE = "passgate.security.bootstrap-file";
    /** Days an audit record is kept (0 keeps them). */
    public static final String AUDIT_RETENTION_DAYS = "passgate.audit.retention-days";
    /** Quartz cron of the audit purge (read by the audit-retention-purge route). */
    public static final String AUDIT_PURGE_CRON = "passgate.audit.purge-cron";

    public static SecuritySettings from(PassGateSettings s) {
        return new SecuritySettings(s.find(MASTER_KEY), s.path(MASTER_KEY_FILE), s.flag(MASTER_KEY_CREATE),
                s.integer(PASSWORD_ITERATIONS), s.path(BOOTSTRAP_FILE), s.integer(AUDIT_RETENTION_DAYS), s.string(AUDIT_PURGE_CRON));
    }

    /** The master key is a secret: never in a log line, whoever prints this record. */
    @Override
    public String toString() {
        return "SecuritySettings[masterKey=" + (masterKey.isPresent() ? "(set)" : "(unset)") + ", masterKeyFile="
                + masterKeyFile + ", createMasterKey=" + createMasterKey + ", passwordIterations=" + passwordIterations + ", bootstrapFile=" + bootstrapFile
                + ", auditRetentionDays=" + auditRetentionDays + ", auditPurgeCron=" + auditPurgeCron + "]";
    }
}
