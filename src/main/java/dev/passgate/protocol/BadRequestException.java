package dev.passgate.protocol;

/**
 * A {@code BAD_REQUEST} with a message of the route's own, for YAML and XML routes, whose
 * {@code throwException} can only build an exception from its message:
 * {@code throwException: {exceptionType: dev.passgate.protocol.BadRequestException, message: "..."}}.
 * The message goes to the client.
 */
public class BadRequestException extends ProtocolException {

    public BadRequestException(String clientMessage) {
        super(ErrorCode.BAD_REQUEST, clientMessage);
    }
}
