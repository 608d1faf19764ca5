package dev.restoredrill.reference.chat;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One chat, as LibreChat and LiteLLM do it between them: the gateway checks the key against the restored
 * Postgres, the model service answers over HTTP ({@link ModelClient}), the answer streams as deltas, LiteLLM logs the spend, LibreChat
 * stores both messages, and only then the final event goes out, so a client that reads the messages back after it
 * finds them. Any failure ends the stream with an {@code error} event that says what failed.
 */
final class ChatEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ChatEngine.class);

    private final LibreChatStore store;
    private final LiteLlmGateway gateway;
    private final GatewayKey key;
    private final CustomEndpoints endpoints;
    private final ModelClient model;
    private final Clock clock;

    ChatEngine(LibreChatStore store, LiteLlmGateway gateway, GatewayKey key, CustomEndpoints endpoints,
               ModelClient model, Clock clock) {
        this.store = store;
        this.gateway = gateway;
        this.key = key;
        this.endpoints = endpoints;
        this.model = model;
        this.clock = clock;
    }

    void run(String userId, ChatRequest request, EventSink sink) throws IOException {
        Instant start = clock.instant();
        try {
            if (ChatRequest.CUSTOM.equals(request.endpointType()) && endpoints.named(request.endpoint()).isEmpty()) {
                // packages/api/src/endpoints/custom/initialize.ts, when librechat.yaml has no such endpoint.
                LOG.warn("chat of user {} names the custom endpoint {}, which librechat.yaml does not define",
                        userId, request.endpoint());
                sink.send(SseEvent.error("Config not found for the " + request.endpoint() + " custom endpoint."));
                return;
            }
            GatewayVerdict verdict = GatewayPolicy.judge(key, gateway.findToken(key), start);
            if (!verdict.accepted()) {
                LOG.warn("chat of user {} in conversation {} refused by the gateway check: {}",
                        userId, request.conversationId(), verdict.reason());
                sink.send(SseEvent.error(verdict.reason()));
                return;
            }
            Completion completion = model.complete(request.model(), request.text());
            String responseId = UUID.randomUUID().toString();
            for (String delta : completion.deltas()) {
                sink.send(SseEvent.message(delta(responseId, delta)));
            }
            // Strictly after the request message, so "sorted by createdAt" keeps question before answer.
            Instant end = later(clock.instant(), start.plusMillis(1));
            gateway.recordSpend(new SpendLogEntry(UUID.randomUUID().toString(), key, completion, start, end,
                    request.model(), userId));
            ChatTurn turn = turn(userId, request, completion, responseId, start, end);
            Document conversation = store.saveTurn(turn);
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("final", true);
            last.put("conversation", ApiViews.conversation(conversation));
            last.put("title", conversation.getString("title"));
            last.put("requestMessage", ApiViews.message(turn.requestMessage()));
            last.put("responseMessage", ApiViews.message(turn.responseMessage()));
            sink.send(SseEvent.finalMessage(last));
            LOG.info("chat of user {} in conversation {}: {} tokens, spend {}, answered in {} ms", userId,
                    request.conversationId(), completion.totalTokens(), BigDecimal.valueOf(completion.spend()).toPlainString(),
                    Duration.between(start, clock.instant()).toMillis());
        } catch (StandInException e) {
            LOG.error("chat of user {} in conversation {} failed: {}", userId, request.conversationId(), e.getMessage());
            sink.send(SseEvent.error(e.getMessage()));
        } catch (com.mongodb.MongoException e) {
            String message = "LibreChat database: storing the chat failed: " + e.getMessage();
            LOG.error("chat of user {} in conversation {} failed: {}", userId, request.conversationId(), message);
            sink.send(SseEvent.error(message));
        }
    }

    private static ChatTurn turn(String userId, ChatRequest request, Completion completion, String responseId,
                                 Instant start, Instant end) {
        String requestId = UUID.randomUUID().toString();
        Document asked = LibreChatStore.message(requestId, ChatTurn.Author.USER, request.text(),
                request.parentMessageId(), request.conversationId(), userId, request.endpoint(), request.model(),
                completion.promptTokens(), start);
        // An agents-route answer (the route every v0.8 chat takes, custom endpoints included) keeps text empty and
        // puts the words in content parts (api/app/clients/BaseClient.js, sendMessage: clientName agents).
        Document answered = LibreChatStore.message(responseId, ChatTurn.Author.MODEL, "", requestId,
                request.conversationId(), userId, request.endpoint(), request.model(),
                completion.completionTokens(), end)
                .append("content", List.of(new Document("type", "text").append("text", completion.text())));
        return new ChatTurn(userId, request.conversationId(), request.endpoint(), request.model(), asked, answered, end);
    }

    /** LibreChat's agents stream: {@code {event: "on_message_delta", data: {id, delta: {content: [text]}}}}. */
    private static Map<String, Object> delta(String messageId, String text) {
        return Map.of("event", "on_message_delta",
                "data", Map.of("id", messageId,
                        "delta", Map.of("content", List.of(Map.of("type", "text", "text", text)))));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
