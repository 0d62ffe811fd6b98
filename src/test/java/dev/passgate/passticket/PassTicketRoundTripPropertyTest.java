package dev.passgate.passticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.passgate.passticket.Evaluation.Outcome;
import dev.passgate.support.RandomNames;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Property tests over many random users, APPLIDs, keys and times: a generated ticket
 * evaluates back to its second anywhere inside the window and nowhere just outside it,
 * and does not pass for another user, APPLID, key or type.
 */
class PassTicketRoundTripPropertyTest {

    private static final int CASES = 400;

    @ParameterizedTest
    @EnumSource(PassTicketType.class)
    void evaluateInvertsGenerateInsideTheWindowOnly(PassTicketType type) {
        SplittableRandom random = new SplittableRandom(20261124L + type.ordinal());
        for (int i = 0; i < CASES; i++) {
            Case c = Case.random(random, type);
            String ticket = c.algorithm().generate(c.user, c.applid, c.time);
            int window = c.definition.windowSeconds(type);
            long inside = c.time - window + random.nextLong(2L * window + 1);
            for (long now : new long[] {c.time - window, c.time + window, inside, c.time}) {
                Evaluation e = c.evaluatorAt(now).evaluate(c.user, c.applid, ticket);
                assertEquals(Outcome.VALID, e.outcome(), () -> c + " at " + now);
                assertEquals(c.time, e.generationTime(), () -> c + " at " + now);
            }
            for (long now : new long[] {c.time - window - 1, c.time + window + 1}) {
                assertEquals(Outcome.EXPIRED, c.evaluatorAt(now).evaluate(c.user, c.applid, ticket).outcome(),
                        () -> c + " at " + now);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PassTicketType.class)
    void ticketsDoNotPassForAnotherUserApplidOrKey(PassTicketType type) {
        SplittableRandom random = new SplittableRandom(7L + type.ordinal());
        for (int i = 0; i < CASES; i++) {
            Case c = Case.random(random, type);
            String ticket = c.algorithm().generate(c.user, c.applid, c.time);
            PassTicketEvaluator evaluator = c.evaluatorAt(c.time);

            String otherUser = other(random, c.user);
            assertNotEquals(Outcome.VALID, evaluator.evaluate(otherUser, c.applid, ticket).outcome(), c::toString);

            String otherApplid = other(random, c.applid);
            Case elsewhere = c.withApplid(otherApplid);
            assertNotEquals(Outcome.VALID, elsewhere.evaluatorAt(c.time).evaluate(c.user, otherApplid, ticket).outcome(),
                    c::toString);

            Case otherKey = Case.random(random, type).with(c.user, c.applid, c.time);
            assertNotEquals(Outcome.VALID, otherKey.evaluatorAt(c.time).evaluate(c.user, c.applid, ticket).outcome(),
                    c::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PassTicketType.class, names = {"UPPER", "MIXED"})
    void enhancedTicketsDoNotPassAsTheOtherType(PassTicketType type) {
        SplittableRandom random = new SplittableRandom(99L + type.ordinal());
        PassTicketType otherType = type == PassTicketType.UPPER ? PassTicketType.MIXED : PassTicketType.UPPER;
        for (int i = 0; i < CASES; i++) {
            Case c = Case.random(random, type);
            String ticket = c.algorithm().generate(c.user, c.applid, c.time);
            Case asOther = c.withType(otherType);
            assertNotEquals(Outcome.VALID, asOther.evaluatorAt(c.time).evaluate(c.user, c.applid, ticket).outcome(),
                    c::toString);
        }
    }

    private static String other(SplittableRandom random, String name) {
        String candidate;
        do {
            candidate = RandomNames.name(random);
        } while (candidate.equals(name));
        return candidate;
    }

    /** One random input: names, a key of the type, a time anywhere up to 2106 (legacy) or beyond. */
    private record Case(String user, String applid, long time, PassTicketKey key, PassTicketType type,
            int timeout, PassTicketDefinition definition) {

        static Case random(SplittableRandom random, PassTicketType type) {
            PassTicketKey key = type == PassTicketType.LEGACY
                    ? PassTicketKey.legacy(RandomNames.bytes(random, 8))
                    : PassTicketKey.enhanced(RandomNames.bytes(random, 32 + random.nextInt(225)));
            long time = 1000 + random.nextLong(0xFFFF_FFFFL - 2000);
            int timeout = 1 + random.nextInt(600);
            return new Case(RandomNames.name(random), RandomNames.name(random), time, key, type, timeout, null)
                    .withApplid(null);
        }

        Case withApplid(String applid) {
            String a = applid == null ? this.applid : applid;
            return new Case(user, a, time, key, type, timeout, definitionFor(a, key, type, timeout));
        }

        Case withType(PassTicketType newType) {
            return new Case(user, applid, time, key, newType, timeout, definitionFor(applid, key, newType, timeout));
        }

        Case with(String u, String a, long t) {
            return new Case(u, a, t, key, type, timeout, definitionFor(a, key, type, timeout));
        }

        PassTicketAlgorithm algorithm() {
            return definition.generator().orElseThrow();
        }

        PassTicketEvaluator evaluatorAt(long now) {
            Map<String, PassTicketDefinition> profiles = Map.of(applid, definition);
            PassTicketDefinitionResolver resolver = name -> Optional.ofNullable(profiles.get(name));
            return new PassTicketEvaluator(resolver, ReplayStore.NONE, Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
        }

        private static PassTicketDefinition definitionFor(String applid, PassTicketKey key, PassTicketType type, int timeout) {
            return type == PassTicketType.LEGACY
                    ? new PassTicketDefinition(applid, key, null, null, timeout, false, null)
                    : new PassTicketDefinition(applid, null, key, type, timeout, false, null);
        }

        @Override
        public String toString() {
            return type + " user=" + user + " applid=" + applid + " time=" + time + " timeout=" + timeout;
        }
    }
}
