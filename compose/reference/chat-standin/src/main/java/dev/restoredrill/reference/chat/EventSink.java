package dev.restoredrill.reference.chat;

import java.io.IOException;

/** Where a chat's events go: the HTTP response itself (one-phase) or a stream a later GET drains (two-phase). */
@FunctionalInterface
interface EventSink {

    void send(SseEvent event) throws IOException;
}
