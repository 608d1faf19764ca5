package dev.restoredrill.reference.chat;

import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordCheckTest {

    private static final String HASH_2A = BCrypt.hashpw("correct horse", BCrypt.gensalt(4));

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        assertThat(AuthApi.passwordMatches("correct horse", HASH_2A, "u")).isTrue();
        assertThat(AuthApi.passwordMatches("wrong horse", HASH_2A, "u")).isFalse();
    }

    @Test
    void bcryptjsStyle2bHashesAreAccepted() {
        String hash2b = "$2b$" + HASH_2A.substring(4);

        assertThat(AuthApi.passwordMatches("correct horse", hash2b, "u")).isTrue();
        assertThat(AuthApi.passwordMatches("wrong horse", hash2b, "u")).isFalse();
    }

    @Test
    void aUserWithoutOrWithABrokenHashCannotSignIn() {
        assertThat(AuthApi.passwordMatches("x", null, "u")).isFalse();
        assertThat(AuthApi.passwordMatches("x", "plaintext-password", "u")).isFalse();
    }
}
