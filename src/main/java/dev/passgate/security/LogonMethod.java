package dev.passgate.security;

/** How a security environment's user proved who they are. */
public enum LogonMethod {
    PASSWORD, PASSTICKET, CERTIFICATE, TRUSTED
}
