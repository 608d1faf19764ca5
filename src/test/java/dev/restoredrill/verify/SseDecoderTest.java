package dev.restoredrill.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseDecoderTest {

    private final List<SseEvent> events = new ArrayList<>();
    private final SseDecoder decoder = new SseDecoder(events::add);

    private static final String STREAM = ": keep-alive comment\n"
            + "event: message\n"
            + "data: {\"text\":\"rest\"}\n"
            + "\n"
            + "id: 7\n"
            + "data: first line\n"
            + "data:second line\n"
            + "data\n"
            + "\n"
            + "event: error\n"
            + "data: {\"text\":\"No key\"}\n"
            + "\n";

    private static final List<SseEvent> EXPECTED = List.of(
            new SseEvent("message", "{\"text\":\"rest\"}", ""),
            new SseEvent("message", "first line\nsecond line\n", "7"),
            new SseEvent("error", "{\"text\":\"No key\"}", "7"));

    @Test
    void decodesTypesMultiLineDataIdsAndSkipsComments() {
        decoder.feed(STREAM);
        assertThat(events).isEqualTo(EXPECTED);
    }

    @ParameterizedTest(name = "chunks of {0} characters")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void theSameEventsWhateverTheChunking(int size) {
        for (int i = 0; i < STREAM.length(); i += size) {
            decoder.feed(STREAM.substring(i, Math.min(STREAM.length(), i + size)));
        }
        assertThat(events).isEqualTo(EXPECTED);
    }

    @ParameterizedTest(name = "line ends {0}")
    @ValueSource(strings = {"CRLF", "CR"})
    void crlfAndBareCrEndLinesLikeLf(String ending) {
        String eol = ending.equals("CRLF") ? "\r\n" : "\r";
        String stream = STREAM.replace("\n", eol);
        // Split between CR and LF, the hardest place for a chunk boundary.
        for (int i = 0; i < stream.length(); i++) {
            decoder.feed(String.valueOf(stream.charAt(i)));
        }
        assertThat(events).isEqualTo(EXPECTED);
    }

    @Test
    void anEventWithoutDataOrNotEndedByABlankLineIsNotDispatched() {
        decoder.feed("event: ping\n\n: only a comment\n\ndata: {\"final\":true}");
        decoder.finish();
        assertThat(events).isEmpty();
    }

    @Test
    void onlyOneLeadingSpaceIsStrippedFromAValue() {
        decoder.feed("data:   indented\n\n");
        assertThat(events).containsExactly(new SseEvent("message", "  indented", ""));
    }
}
