package dev.restoredrill.reference.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The chats started by a two-phase POST, until their GET /stream claims them. Events queue up meanwhile, so a
 * client that connects late misses nothing. A stream nobody claims is dropped after {@code abandonAfter}.
 */
final class ChatStreams {

    private final Map<String, Stream> open = new ConcurrentHashMap<>();
    private final Duration abandonAfter;
    private final Clock clock;

    ChatStreams(Duration abandonAfter, Clock clock) {
        this.abandonAfter = abandonAfter;
        this.clock = clock;
    }

    Stream open(String userId) {
        Instant now = clock.instant();
        open.values().removeIf(stream -> stream.opened.plus(abandonAfter).isBefore(now));
        Stream stream = new Stream(UUID.randomUUID().toString(), userId, now);
        open.put(stream.id, stream);
        return stream;
    }

    /** The stream, once, and only for the user who started it. */
    Optional<Stream> claim(String streamId, String userId) {
        Stream stream = open.get(streamId);
        if (stream == null || !stream.userId.equals(userId) || !open.remove(streamId, stream)) {
            return Optional.empty();
        }
        return Optional.of(stream);
    }

    int size() {
        return open.size();
    }

    static final class Stream implements EventSink {

        private final String id;
        private final String userId;
        private final Instant opened;
        private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();

        private Stream(String id, String userId, Instant opened) {
            this.id = id;
            this.userId = userId;
            this.opened = opened;
        }

        String id() {
            return id;
        }

        @Override
        public void send(SseEvent event) {
            events.add(event);
        }

        /** The next event, or empty if none came within {@code timeout}. */
        Optional<SseEvent> next(Duration timeout) throws InterruptedException {
            return Optional.ofNullable(events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        }
    }
}
