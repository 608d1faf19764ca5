package dev.restoredrill.reference.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * {@code POST /api/agents/chat/{endpoint}} in the protocol configured, and {@code GET
 * /api/agents/chat/stream/{streamId}} for the two-phase one.
 */
final class AgentsChatApi {

    private static final Logger LOG = LoggerFactory.getLogger(AgentsChatApi.class);
    /** How long a stream reader waits for the next event before it gives up with an error event. */
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);

    private final ChatEngine engine;
    private final ChatStreams streams;
    private final ExecutorService chats;
    private final ChatProtocol protocol;

    AgentsChatApi(ChatEngine engine, ChatStreams streams, ExecutorService chats, ChatProtocol protocol) {
        this.engine = engine;
        this.streams = streams;
        this.chats = chats;
        this.protocol = protocol;
    }

    void chat(Call call) throws IOException {
        ChatRequest request = ChatRequest.from(call.jsonBody(), call.pathParam(0));
        Optional<String> unparsable = request.compactConvoError();
        if (unparsable.isPresent()) {
            // buildEndpointOption: parseCompactConvo throws, the error is logged, the client only learns this.
            LOG.error("Error parsing compact conversation for endpoint {}: {}", request.endpoint(), unparsable.get());
            call.errorEventWithoutStream(SseEvent.errorText("Error parsing conversation"));
            return;
        }
        if (protocol == ChatProtocol.ONE_PHASE) {
            engine.run(call.userId(), request, call.eventStream());
            return;
        }
        ChatStreams.Stream stream = streams.open(call.userId());
        String userId = call.userId();
        chats.execute(() -> {
            try {
                engine.run(userId, request, stream);
            } catch (IOException | RuntimeException e) {
                LOG.error("chat {} failed", stream.id(), e);
                stream.send(SseEvent.error("the chat failed: " + e.getMessage()));
            }
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("streamId", stream.id());
        answer.put("conversationId", request.conversationId());
        answer.put("status", "started");
        call.json(200, answer);
    }

    void stream(Call call) throws IOException {
        ChatStreams.Stream stream = streams.claim(call.pathParam(0), call.userId())
                .orElseThrow(() -> new HttpError(404, "Stream not found"));
        EventSink out = call.eventStream();
        try {
            while (true) {
                Optional<SseEvent> event = stream.next(EVENT_TIMEOUT);
                if (event.isEmpty()) {
                    out.send(SseEvent.error("no event from the chat for " + EVENT_TIMEOUT.toSeconds() + " s"));
                    return;
                }
                out.send(event.get());
                if (event.get().last()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.send(SseEvent.error("the stand-in is shutting down"));
        }
    }
}
