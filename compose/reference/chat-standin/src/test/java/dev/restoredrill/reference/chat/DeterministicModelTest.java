package dev.restoredrill.reference.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeterministicModelTest {

    @Test
    void theAnswerNamesThePromptsHashAndWordCount() {
        String prompt = "What was restored last night?";

        Completion answer = DeterministicModel.complete(prompt);

        String sha8 = GatewayKey.sha256Hex(prompt).substring(0, 8);
        assertThat(answer.text()).isEqualTo("Restore drill answer: " + sha8 + " — 5 words");
    }

    @Test
    void theSamePromptGetsTheSameAnswerAndADifferentOneADifferentAnswer() {
        assertThat(DeterministicModel.complete("ping the restored stack").text())
                .isEqualTo(DeterministicModel.complete("ping the restored stack").text())
                .isNotEqualTo(DeterministicModel.complete("ping the restored stack!").text());
    }

    @Test
    void usageCountsWordsAndPricesThemAtAFixedRate() {
        Completion answer = DeterministicModel.complete("  one\ttwo\nthree  ");

        assertThat(answer.promptTokens()).isEqualTo(3);
        assertThat(answer.completionTokens()).isEqualTo(DeterministicModel.wordCount(answer.text()));
        assertThat(answer.totalTokens()).isEqualTo(3 + 7);
        assertThat(answer.spend()).isEqualTo(0.00002);
    }

    @Test
    void theDeltasJoinToExactlyTheAnswer() {
        Completion answer = DeterministicModel.complete("a prompt of several words for the drill");

        assertThat(answer.deltas()).hasSizeGreaterThan(2);
        assertThat(String.join("", answer.deltas())).isEqualTo(answer.text());
    }
}
