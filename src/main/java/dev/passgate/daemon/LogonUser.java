package dev.passgate.daemon;

import dev.passgate.security.SecurityEnvironment;

/**
 * The user a logon lets in, however it was decided: by the registry (credentials), by a trusted
 * partner, or by the login exit alone.
 *
 * @param environment what the credentials or the partner's UTOKEN verified to; null when the exit alone decided
 */
public record LogonUser(String user, SecurityEnvironment environment) {
}
