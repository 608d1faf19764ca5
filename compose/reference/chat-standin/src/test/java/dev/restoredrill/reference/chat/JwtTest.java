package dev.restoredrill.reference.chat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtTest {

    private static final Instant ISSUED = Instant.parse("2026-03-01T10:00:00Z");
    private static final String USER = "65f0c0ffee0000000000abcd";

    private static Jwt at(Instant now, String secret) {
        return new Jwt(secret, Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aSignedTokenVerifiesToItsUser() {
        String token = at(ISSUED, "s3cret").sign(USER);

        assertThat(at(ISSUED.plusSeconds(60), "s3cret").verify(token)).isEqualTo(USER);
    }

    @Test
    void theTokenIsAStandardHs256JwtWithSubAndExpiry() throws Exception {
        String[] parts = at(ISSUED, "s3cret").sign(USER).split("\\.");

        assertThat(parts).hasSize(3);
        var header = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
        var payload = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asText()).isEqualTo("HS256");
        assertThat(payload.get("sub").asText()).isEqualTo(USER);
        assertThat(payload.get("exp").asLong() - payload.get("iat").asLong()).isEqualTo(15 * 60);
    }

    @Test
    void aTokenIsRefusedOnceExpired() {
        String token = at(ISSUED, "s3cret").sign(USER);

        assertThat(at(ISSUED.plus(Duration.ofMinutes(15)).minusSeconds(1), "s3cret").verify(token)).isEqualTo(USER);
        assertThatThrownBy(() -> at(ISSUED.plus(Duration.ofMinutes(15)), "s3cret").verify(token))
                .isInstanceOf(Jwt.InvalidTokenException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String token = at(ISSUED, "another").sign(USER);

        assertThatThrownBy(() -> at(ISSUED, "s3cret").verify(token))
                .isInstanceOf(Jwt.InvalidTokenException.class).hasMessageContaining("signature");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = at(ISSUED, "s3cret").sign(USER).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"000000000000000000000000\",\"exp\":" + (ISSUED.getEpochSecond() + 900) + "}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> at(ISSUED, "s3cret").verify(parts[0] + "." + forged + "." + parts[2]))
                .isInstanceOf(Jwt.InvalidTokenException.class);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"" + USER + "\",\"exp\":9999999999}").getBytes(StandardCharsets.UTF_8))
                + ".";

        assertThatThrownBy(() -> at(ISSUED, "s3cret").verify(none))
                .isInstanceOf(Jwt.InvalidTokenException.class).hasMessageContaining("not HS256");
    }

    @Test
    void garbageIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> at(ISSUED, "s3cret").verify("abc.def"))
                .isInstanceOf(Jwt.InvalidTokenException.class)
                .hasMessageContaining("three")
                .hasMessageNotContaining("abc.def");
    }
}
