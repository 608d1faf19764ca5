package dev.restoredrill.reference.chat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health} (200 "OK" once MongoDB answers, as LibreChat), the public {@code GET /api/config}, and
 * {@code GET /api/endpoints}: the endpoints librechat.yaml defines, each custom one with {@code type: "custom"}.
 */
final class StatusApi {

    private final LibreChatStore store;
    private final ChatProtocol protocol;
    private final CustomEndpoints endpoints;

    StatusApi(LibreChatStore store, ChatProtocol protocol, CustomEndpoints endpoints) {
        this.store = store;
        this.protocol = protocol;
        this.endpoints = endpoints;
    }

    void endpoints(Call call) throws IOException {
        call.json(200, endpoints.endpointsConfig());
    }

    void health(Call call) throws IOException {
        if (store.ping()) {
            call.text(200, "OK");
        } else {
            call.text(503, "MongoDB (" + store.databaseName() + ") does not answer a ping");
        }
    }

    void config(Call call) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("appTitle", "LibreChat (restore-drill stand-in)");
        config.put("standInFor", "LibreChat+LiteLLM");
        config.put("emailLoginEnabled", true);
        config.put("registrationEnabled", false);
        config.put("socialLogins", List.of());
        config.put("chatProtocol", protocol.setting());
        call.json(200, config);
    }
}
