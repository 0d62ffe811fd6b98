package dev.passgate.passticket;

/**
 * APPLIDs whose PassTickets z/OS accepts far beyond the intended application:
 * {@code OMVSAPPL} (every z/OS UNIX service) and {@code MVS<sysid>} (TSO and batch on the system).
 */
public final class UnsafeApplids {

    private UnsafeApplids() {
    }

    /** Whether the APPLID opens its key to more programs than intended on a system named {@code systemName}. */
    public static boolean isUnsafe(String applid, String systemName) {
        String a = applid.toUpperCase(java.util.Locale.ROOT);
        String bare = a.contains(".") ? a.substring(0, a.indexOf('.')) : a;
        return bare.equals("OMVSAPPL")
                || (systemName != null && bare.equals("MVS" + systemName.toUpperCase(java.util.Locale.ROOT)));
    }

    public static String explain(String applid) {
        return "APPLID " + applid + " is shared by far more programs than PassGate (OMVSAPPL covers all of"
                + " z/OS UNIX, MVS<sysid> covers TSO and batch): a key defined for it lets all of them accept"
                + " PassGate's tickets. Define a dedicated APPLID (the default is FEKAPPL).";
    }
}
