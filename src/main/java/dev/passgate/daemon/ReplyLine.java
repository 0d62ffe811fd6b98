package dev.passgate.daemon;

/**
 * One reply line for the daemon port. A logon's reply carries a single-use client ID, and
 * camel-netty logs the body it writes at DEBUG: so this type never shows its text in
 * {@link #toString()}; the daemon pipeline's encoder hands its text to the line codec.
 */
public final class ReplyLine {

    private final String text;

    public ReplyLine(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    @Override
    public String toString() {
        return "reply line (" + text.length() + " characters, not shown)";
    }
}
