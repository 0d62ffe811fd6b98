package dev.passgate.protocol;

/** A request that ends in an error reply. The message is sent to the client, so it must be safe to show. */
public class ProtocolException extends RuntimeException {

    private final ErrorCode code;

    public ProtocolException(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    public ProtocolException(ErrorCode code, String clientMessage) {
        super(clientMessage);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
