package dev.passgate.daemon;

import dev.passgate.security.SecurityEnvironment;

/**
 * The user a logon is for before the registry has said anything: the one the request names
 * (null when it names none, or none valid), or the one a trusted partner vouched for, with the
 * environment its UTOKEN verified to. The login exits see this user.
 *
 * @param vouched the partner-verified environment; null unless the logon is TRUSTED
 */
public record ClaimedUser(String user, SecurityEnvironment vouched) {
}
