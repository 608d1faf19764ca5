package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketsTest {

    @Test
    void theFileNextToTheReportsAndThePropertyWhichWins(@TempDir Path reports) throws Exception {
        Files.writeString(reports.resolve("tickets.txt"), """
                # failure key = ticket
                rpo-breach/postgres=OPS-101
                data-loss/librechat.messages = OPS-102
                """);

        assertThat(Tickets.of(reports, "rpo-breach/postgres=OPS-200, check-failure/traces=JIRA-7"))
                .containsExactly(java.util.Map.entry("rpo-breach/postgres", "OPS-200"),
                        java.util.Map.entry("data-loss/librechat.messages", "OPS-102"),
                        java.util.Map.entry("check-failure/traces", "JIRA-7"));
        assertThat(Tickets.of(reports.resolve("none"), "")).isEmpty();
    }

    @Test
    void aLineThatIsNotKeyEqualsTicketSaysWhereTheKeysAre() {
        assertThatThrownBy(() -> Tickets.parse("OPS-12", "-Ddrill.ticket")).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("-Ddrill.ticket: expected '<failure-key>=<TICKET>'")
                .hasMessageContaining("found 'OPS-12'").hasMessageContaining("summary.md");
    }
}
