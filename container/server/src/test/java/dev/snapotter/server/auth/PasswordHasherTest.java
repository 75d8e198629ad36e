package dev.snapotter.server.auth;

import dev.snapotter.server.config.Argon2Params;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(Argon2Params.FAST_FOR_TESTS);

    @Test
    void hashesAreSaltedArgon2idPhcStringsThatVerify() {
        String a = hasher.hash("Correct1Horse");
        String b = hasher.hash("Correct1Horse");
        assertThat(a).startsWith("$argon2id$v=19$m=256,t=1,p=1$").isNotEqualTo(b);
        assertThat(hasher.verify("Correct1Horse", a)).isTrue();
        assertThat(hasher.verify("Correct1Horsf", a)).isFalse();
        assertThat(hasher.verify("Correct1Horse", "garbage")).isFalse();
        assertThat(hasher.verify("Correct1Horse", null)).isFalse();
    }

    @Test
    void hashesWithOtherParametersStillVerify() {
        String strong = new PasswordHasher(new Argon2Params(1024, 2, 1)).hash("Pw12345678");
        assertThat(hasher.verify("Pw12345678", strong)).isTrue();
    }

    @Test
    void productionParametersFollowOwasp() {
        assertThat(Argon2Params.PRODUCTION.memoryKib()).isGreaterThanOrEqualTo(19 * 1024);
        assertThat(Argon2Params.PRODUCTION.iterations()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void generatedPasswordsSatisfyThePolicy() {
        for (int i = 0; i < 50; i++) PasswordPolicy.check(Tokens.generatedPassword());
    }
}
