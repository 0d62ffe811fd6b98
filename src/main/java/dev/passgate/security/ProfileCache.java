package dev.passgate.security;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resource profiles held in memory per class, as RACF holds RACLISTed classes: a logon
 * checks several profiles and should not read them from the database each time. A class
 * is read again after a few seconds; a RACF command on this node empties the cache at
 * once, so other nodes sharing the database see changes within the cache time.
 */
final class ProfileCache {

    private record ClassView(Optional<Boolean> noProfileRule, Map<String, ProfileRecord> discrete,
            List<ProfileRecord> generics, long loadedAt) {
    }

    private final ProfileStore profiles;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<String, ClassView> classes = new ConcurrentHashMap<>();

    ProfileCache(ProfileStore profiles, Clock clock, long ttlMillis) {
        this.profiles = profiles;
        this.clock = clock;
        this.ttlMillis = ttlMillis;
    }

    Optional<Boolean> noProfileRule(String className) {
        return view(className).noProfileRule();
    }

    /** A discrete profile of that name, else the most specific matching generic one. */
    Optional<ProfileRecord> protecting(String className, String resource) {
        ClassView v = view(className);
        ProfileRecord discrete = v.discrete().get(resource);
        if (discrete != null) {
            return Optional.of(discrete);
        }
        return v.generics().stream().filter(p -> p.profileName().matches(resource))
                .min(Comparator.comparing(ProfileRecord::profileName));
    }

    void invalidate() {
        classes.clear();
    }

    private ClassView view(String className) {
        long now = clock.millis();
        ClassView v = classes.get(className);
        if (v == null || now - v.loadedAt() > ttlMillis) {
            v = load(className, now);
            classes.put(className, v);
        }
        return v;
    }

    private ClassView load(String className, long now) {
        Map<String, ProfileRecord> discrete = new HashMap<>();
        List<ProfileRecord> all = profiles.all(className);
        for (ProfileRecord p : all) {
            if (!p.generic()) {
                discrete.put(p.name(), p);
            }
        }
        List<ProfileRecord> generics = all.stream().filter(ProfileRecord::generic).toList();
        return new ClassView(profiles.noProfileRule(className), Map.copyOf(discrete), generics, now);
    }
}
