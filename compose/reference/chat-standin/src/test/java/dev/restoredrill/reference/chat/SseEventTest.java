package dev.restoredrill.reference.chat;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SseEventTest {

    @Test
    void aMessageIsAnEventLineADataLineAndABlankLine() {
        SseEvent event = SseEvent.message(Map.of("text", "hello"));

        assertThat(event.format()).isEqualTo("event: message\ndata: {\"text\":\"hello\"}\n\n");
        assertThat(event.last()).isFalse();
    }

    @Test
    void theFinalMessageEndsTheStream() {
        SseEvent event = SseEvent.finalMessage(Map.of("final", true));

        assertThat(event.format()).isEqualTo("event: message\ndata: {\"final\":true}\n\n");
        assertThat(event.last()).isTrue();
    }

    @Test
    void anErrorCarriesItsMessageAsJson() {
        SseEvent event = SseEvent.error("key expired at \"2026\"\nsecond line");

        assertThat(event.format())
                .isEqualTo("event: error\ndata: {\"message\":\"key expired at \\\"2026\\\"\\nsecond line\"}\n\n");
        assertThat(event.last()).isTrue();
    }

    @Test
    void multiLineDataGetsADataFieldPerLine() {
        assertThat(new SseEvent("message", "a\nb\r\nc", false).format())
                .isEqualTo("event: message\ndata: a\ndata: b\ndata: c\n\n");
    }
}
