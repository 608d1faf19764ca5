package dev.restoredrill.reference.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The stand-in's settings, from the environment variables LibreChat and LiteLLM read in production
 * ({@code MONGO_URI}, {@code DATABASE_URL}, {@code JWT_SECRET}, {@code LITELLM_API_KEY}, {@code PORT}) plus
 * {@code CHAT_PROTOCOL}, {@code CONFIG_PATH} (librechat.yaml, as LibreChat reads it) and {@code MODEL_API_BASE}
 * (where the gateway's model answers: the {@code api_base} of LiteLLM's model list). {@link #toString()} leaves
 * every secret out.
 */
record StandInConfig(int port, String mongoUri, PostgresTarget postgres, String jwtSecret, String jwtRefreshSecret,
                     GatewayKey gatewayKey, ChatProtocol protocol, Path configPath, URI modelApiBase) {

    static final int DEFAULT_PORT = 3080;

    static StandInConfig fromEnvironment(Map<String, String> env) {
        String jwtSecret = required(env, "JWT_SECRET", "the secret LibreChat signs its tokens with");
        return new StandInConfig(
                port(env.getOrDefault("PORT", String.valueOf(DEFAULT_PORT))),
                env.getOrDefault("MONGO_URI", "mongodb://mongodb:27017/LibreChat"),
                PostgresTarget.parse(required(env, "DATABASE_URL",
                        "postgresql://user:password@host:5432/litellm, LiteLLM's database")),
                jwtSecret,
                env.getOrDefault("JWT_REFRESH_SECRET", jwtSecret),
                GatewayKey.fromRawKey(env.get("LITELLM_API_KEY")),
                ChatProtocol.fromSetting(env.getOrDefault("CHAT_PROTOCOL", ChatProtocol.TWO_PHASE.setting())),
                Path.of(env.getOrDefault("CONFIG_PATH", CustomEndpoints.DEFAULT_PATH)),
                modelApiBase(required(env, "MODEL_API_BASE", "the OpenAI-compatible base URL of the model the gateway "
                        + "routes to, in a drill its own model service, e.g. http://model:8080/v1")));
    }

    @Override
    public String toString() {
        return "port " + port + ", MongoDB " + mongoUri + ", Postgres " + postgres.describe()
                + ", gateway key sha256 " + gatewayKey.shortHash() + ", chat protocol " + protocol.setting()
                + ", config " + configPath + ", model api_base " + modelApiBase;
    }

    private static String required(Map<String, String> env, String name, String what) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new StandInException(name + " is not set; set it to " + what + ".");
        }
        return value;
    }

    private static URI modelApiBase(String value) {
        try {
            URI uri = new URI(value.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new StandInException("MODEL_API_BASE must be an http(s) URL with a host and no credentials, e.g. "
                + "http://model:8080/v1; found a value that is not.");
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65_536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the value
        }
        throw new StandInException("PORT must be a TCP port (1-65535); found '" + value + "'. Unset it for 3080.");
    }
}
