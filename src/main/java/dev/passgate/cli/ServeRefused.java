package dev.passgate.cli;

/** Why {@code serve} did not start, in one line for the console; thrown before anything was started. */
final class ServeRefused extends RuntimeException {

    ServeRefused(String message) {
        super(message, null, false, false);
    }
}
