package dev.passgate.server;

/**
 * {@code passgate.server.port-range}: both ends inclusive ({@code 40000-40100}), unlike
 * rse.env's {@code _RSE_PORTRANGE}, whose upper end is exclusive.
 */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("port range " + first + "-" + last
                    + " must lie within 1-65535 with the first port not above the last");
        }
    }

    /** Parses {@code FIRST-LAST}. */
    public static PortRange parse(String text) {
        String[] parts = text.trim().split("-");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new PortRange(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("passgate.server.port-range must look like 40000-40100, not '" + text + "'");
        }
    }

    public int size() {
        return last - first + 1;
    }
}
