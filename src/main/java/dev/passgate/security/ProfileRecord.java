package dev.passgate.security;

import java.util.Map;

/**
 * One resource profile as stored. The SSIGNON segment stays sealed here; only
 * {@link #hasSsignon()} says it exists, which is all a listing may show.
 *
 * @param access principal (user, group or *) to access level
 */
public record ProfileRecord(String className, String name, boolean generic, AccessLevel uacc, String appldata,
        String sealedSsignon, Map<String, AccessLevel> access) {

    public boolean hasSsignon() {
        return sealedSsignon != null;
    }

    /** The name with its generic characters; FILE profiles name paths, whose qualifiers are separated by "/". */
    public ProfileName profileName() {
        return new ProfileName(name, className.equals("FILE") ? '/' : '.');
    }

    @Override
    public String toString() {
        return "ProfileRecord[" + className + " " + name + ", UACC " + uacc + (hasSsignon() ? ", SSIGNON defined" : "")
                + "]";
    }
}
