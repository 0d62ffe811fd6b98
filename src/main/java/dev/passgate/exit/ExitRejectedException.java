package dev.passgate.exit;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;

/**
 * An exit failed the request ({@code EXIT_REJECTED}); {@link #disconnect()} says whether it also
 * asked for the connection to be closed (answer {@code DISCONNECT}).
 */
public class ExitRejectedException extends ProtocolException {

    private final ExitResult answer;

    public ExitRejectedException(ExitResult answer) {
        super(ErrorCode.EXIT_REJECTED);
        this.answer = answer;
    }

    /** @param clientMessage what the exit route said the client should be told */
    public ExitRejectedException(ExitResult answer, String clientMessage) {
        super(ErrorCode.EXIT_REJECTED, clientMessage);
        this.answer = answer;
    }

    public ExitResult answer() {
        return answer;
    }

    public boolean disconnect() {
        return answer == ExitResult.DISCONNECT;
    }
}
