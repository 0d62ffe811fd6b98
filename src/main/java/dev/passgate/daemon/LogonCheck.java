package dev.passgate.daemon;

/**
 * Who checks a logon after the login exit: the registry (credentials, then APPL), or, in the
 * exports and none security modes with an exit, the exit alone. The route branches on it
 * ({@code ${exchangeProperty.PassGateLogonCheck} == 'EXIT'}).
 */
public enum LogonCheck {
    REGISTRY, EXIT
}
