package dev.passgate.security.racf;

import dev.passgate.security.GroupStore;
import dev.passgate.security.ProfileRecord;
import dev.passgate.security.ProfileStore;
import dev.passgate.security.SecurityOptions;
import dev.passgate.security.UserRecord;
import dev.passgate.security.UserStore;
import dev.passgate.store.Jdbc;

/**
 * The stores bound to one command's transaction, with the look-ups verbs refuse on: a missing
 * user, group, class or profile is refused in the same words whichever verb names it.
 */
record RacfStores(UserStore users, GroupStore groups, ProfileStore profiles, SecurityOptions options) {

    RacfStores(Jdbc tx) {
        this(new UserStore(tx), new GroupStore(tx), new ProfileStore(tx), new SecurityOptions(tx));
    }

    UserRecord requireUser(String text) {
        String id = OperandValues.id(text, "user ID");
        return users.find(id).orElseThrow(() -> new RacfCommandException(8, "user " + id + " is not defined"));
    }

    void requireGroup(String group) {
        if (!groups.exists(group)) {
            throw new RacfCommandException(8, "group " + group + " is not defined");
        }
    }

    void requireClass(String className) {
        if (profiles.noProfileRule(className).isEmpty()) {
            throw new RacfCommandException(8, "class " + className + " is not defined (built in: APPL PTKTDATA SERVAUTH"
                    + " FACILITY FILE; define more with RDEFINE CDT)");
        }
    }

    ProfileRecord requireProfile(String className, String text) {
        String name = OperandValues.profileName(text, className);
        return profiles.find(className, name)
                .orElseThrow(() -> new RacfCommandException(8, className + " profile " + name + " is not defined"));
    }
}
