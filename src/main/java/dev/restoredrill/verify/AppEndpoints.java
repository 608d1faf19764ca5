package dev.restoredrill.verify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The endpoint configuration the app serves at {@code GET /api/endpoints} (LibreChat's EndpointController): one
 * entry per endpoint; those defined in librechat.yaml's {@code endpoints.custom} carry {@code type: "custom"}
 * (packages/api/src/endpoints/custom/config.ts). The web client sends that type as the chat's {@code endpointType}
 * (data-provider createPayload.ts, from the conversation's endpointOption); without it the server cannot parse a
 * chat naming a custom endpoint (parsers.ts parseCompactConvo: "Unknown endpoint").
 */
record AppEndpoints(JsonNode config) {

    static final String PATH = "/api/endpoints";

    boolean offers(String endpoint) {
        return config.path(endpoint).isObject();
    }

    /** The endpoint's type as the client would send it, e.g. "custom"; empty for a built-in endpoint. */
    Optional<String> typeOf(String endpoint) {
        JsonNode type = config.path(endpoint).path("type");
        return type.isTextual() && !type.asText().isBlank() ? Optional.of(type.asText()) : Optional.empty();
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        config.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
