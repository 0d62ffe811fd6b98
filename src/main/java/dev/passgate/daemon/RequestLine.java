package dev.passgate.daemon;

/**
 * One line a client sent to the daemon port, as camel-netty passes it into the route. A logon
 * line carries a password, and camel-netty logs the message it receives at DEBUG: so this type
 * never shows its text in {@link #toString()}, and has no Camel type converter to String (which
 * Camel's own body logging would use). The logon steps read it with {@link #text(Object)}.
 */
public final class RequestLine {

    private final String text;

    public RequestLine(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The line in an exchange body: a {@code RequestLine}, or a String a test or integrator sent directly. */
    public static String text(Object body) {
        if (body instanceof RequestLine line) {
            return line.text;
        }
        return body instanceof String s ? s : "";
    }

    @Override
    public String toString() {
        return "request line (" + text.length() + " characters, not shown)";
    }
}
