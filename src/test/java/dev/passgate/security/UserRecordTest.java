package dev.passgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each copy changes its own field and keeps the thirteen others: a swapped argument would show here. */
class UserRecordTest {

    private static final UserRecord JOE = new UserRecord("JOE", "Joe", "SYS1", "password-hash", "phrase-hash", false,
            1L, 30, false, 2, false, false, "sealed-totp", 5L);

    static Stream<Arguments> copies() {
        return Stream.of(
                copy("name", u -> u.withName("Joe B"), "Joe B"),
                copy("defaultGroup", u -> u.withDefaultGroup("OPS"), "OPS"),
                copy("passwordHash", u -> u.withPasswordHash(null), null),
                copy("phraseHash", u -> u.withPhraseHash("other-hash"), "other-hash"),
                copy("passwordExpired", u -> u.withPasswordExpired(true), true),
                copy("passwordChangedAt", u -> u.withPasswordChangedAt(99L), 99L),
                copy("passwordInterval", u -> u.withPasswordInterval(null), null),
                copy("revoked", u -> u.withRevoked(true), true),
                copy("failures", u -> u.withFailures(0), 0),
                copy("protectedUser", u -> u.withProtectedUser(true), true),
                copy("special", u -> u.withSpecial(true), true),
                copy("totpSecret", u -> u.withTotpSecret(null), null));
    }

    private static Arguments copy(String field, UnaryOperator<UserRecord> change, Object value) {
        return Arguments.of(field, change, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copies")
    void aCopyChangesItsFieldAndNoOther(String field, UnaryOperator<UserRecord> change, Object value) throws Exception {
        UserRecord changed = change.apply(JOE);
        for (RecordComponent c : UserRecord.class.getRecordComponents()) {
            Object before = c.getAccessor().invoke(JOE);
            Object after = c.getAccessor().invoke(changed);
            if (c.getName().equals(field)) {
                assertNotEquals(before, after, field + " is changed");
                assertEquals(value, after, field);
            } else {
                assertEquals(before, after, c.getName() + " is kept by the copy of " + field);
            }
        }
    }

    @Test
    void everyFieldButTheIdentityHasACopy() {
        Set<String> copied = copies().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        Set<String> fields = Arrays.stream(UserRecord.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(n -> !n.equals("userId") && !n.equals("createdAt")).collect(Collectors.toSet());
        assertEquals(fields, copied);
    }
}
