package dev.passgate.security.racf;

/**
 * A command that was refused; nothing was changed. Return codes follow RACF's habit:
 * 8 for a command that cannot be carried out, 12 for one that cannot be parsed.
 * Messages never contain a secret value.
 */
public class RacfCommandException extends RuntimeException {

    private final int returnCode;

    public RacfCommandException(int returnCode, String message) {
        super(message);
        this.returnCode = returnCode;
    }

    public int returnCode() {
        return returnCode;
    }
}
