package dev.restoredrill.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** A message's words as LibreChat's parseTextParts reads them (data-provider parsers.ts). */
class MessageTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String of(String message) throws IOException {
        return MessageText.of(JSON.readTree(message));
    }

    @Test
    void textWhenThereIsSomeElseTheTextPartsOfContent() throws IOException {
        assertThat(of("{\"text\":\"restored\",\"content\":[{\"type\":\"text\",\"text\":\"other\"}]}"))
                .isEqualTo("restored");
        assertThat(of("{\"text\":\"\",\"content\":[{\"type\":\"think\",\"think\":\"hmm\"},"
                + "{\"type\":\"text\",\"text\":\"Restore drill\"},{\"type\":\"tool_call\"},"
                + "{\"type\":\"text\",\"text\":{\"value\":\"answer\"}}]}"))
                .as("reasoning and tool parts left out; the assistants' {value} form read; a space between parts")
                .isEqualTo("Restore drill answer");
        assertThat(of("{\"messageId\":\"m\"}")).isEmpty();
    }
}
