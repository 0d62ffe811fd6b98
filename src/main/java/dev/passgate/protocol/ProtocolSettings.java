package dev.passgate.protocol;

import dev.passgate.settings.PassGateSettings;

/** The JSON-lines framing shared by the daemon port and the session ports ({@code passgate.protocol.*}). */
public record ProtocolSettings(int maxLineBytes) {

    /** Longest request line in UTF-8 bytes; longer ones get LINE_TOO_LONG. */
    public static final String MAX_LINE_BYTES = "passgate.protocol.max-line-bytes";

    public static ProtocolSettings from(PassGateSettings s) {
        return new ProtocolSettings(s.integer(MAX_LINE_BYTES));
    }

    public JsonLines lines() {
        return new JsonLines(maxLineBytes);
    }
}
