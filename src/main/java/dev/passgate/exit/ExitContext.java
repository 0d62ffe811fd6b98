package dev.passgate.exit;

import java.util.Optional;

/**
 * What an exit's init gets to configure itself, like an Ftplet's FtpletContext: settings from
 * PassGate's configuration (rather than environment variables the operator cannot see in one
 * place) and the beans of the Camel registry.
 */
public interface ExitContext {

    /** A setting as PassGate resolves it (configuration file, system properties, {@code {{env:...}}}). */
    Optional<String> setting(String key);

    /** A bean of the registry by name. */
    <T> Optional<T> bean(String name, Class<T> type);

    /** The security mode the exit works under. */
    SecurityMode securityMode();
}
