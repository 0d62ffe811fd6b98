package dev.passgate.security.racf;

import dev.passgate.security.AuditLog;
import dev.passgate.security.PasswordHasher;
import dev.passgate.security.SecretBox;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The verbs PassGate knows, found by name or alias, in the manner of FtpServer's
 * CommandFactory: adding a verb is a class and one line in {@link #standard}.
 */
final class RacfVerbs {

    private final List<RacfVerb> verbs;
    private final Map<String, RacfVerb> byName = new HashMap<>();

    RacfVerbs(List<RacfVerb> verbs) {
        this.verbs = List.copyOf(verbs);
        for (RacfVerb v : this.verbs) {
            for (String name : names(v)) {
                if (byName.put(name, v) != null) {
                    throw new IllegalArgumentException("two verbs are called " + name);
                }
            }
        }
    }

    /** PassGate's subset, in the order the refusal of an unknown verb lists it. */
    static RacfVerbs standard(PasswordHasher hasher, SecretBox box, AuditLog audit, Clock clock, String systemName) {
        UserSecrets secrets = new UserSecrets(hasher, box);
        SsignonOperand ssignon = new SsignonOperand(box);
        return new RacfVerbs(List.of(
                new AddUser(secrets, clock), new AltUser(secrets, audit, clock), new DelUser(), new ListUser(),
                new AddGroup(clock), new DelGroup(), new Connect(), new Remove(),
                new Rdefine(ssignon, systemName), new Ralter(ssignon), new Rdelete(), new Rlist(ssignon),
                new Permit(), new Setropts(), new Racdcert()));
    }

    /** The verb called so (its name or an alias, upper case), or the refusal that lists the verbs there are. */
    RacfVerb find(String name) {
        RacfVerb v = byName.get(name);
        if (v == null) {
            // 12, "not understood", as for a syntax error: nothing was refused, the command was not recognised.
            throw new RacfCommandException(12, "unknown command " + name + " (PassGate knows "
                    + verbs.stream().map(RacfVerb::name).collect(Collectors.joining(" ")) + ")");
        }
        return v;
    }

    List<RacfVerb> all() {
        return verbs;
    }

    private static List<String> names(RacfVerb v) {
        return Stream.concat(Stream.of(v.name()), v.syntax().aliases().stream()).toList();
    }
}
