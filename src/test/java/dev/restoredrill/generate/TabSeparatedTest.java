package dev.restoredrill.generate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TabSeparatedTest {

    @Test
    void aRowIsItsValuesBetweenTabsEndedByANewline() {
        assertThat(TabSeparated.line("a", 1, 2.5, "{\"k\":\"v\"}")).isEqualTo("a\t1\t2.5\t{\"k\":\"v\"}\n");
    }

    @Test
    void nullIsBackslashNAndAnEmptyStringStaysEmpty() {
        assertThat(TabSeparated.line(null, "", null)).isEqualTo("\\N\t\t\\N\n");
    }

    @Test
    void theFourSpecialCharactersAreEscapedWhereverTheyStand() {
        assertThat(TabSeparated.line("\\start", "mid\tdle", "end\n", "a\rb\\c"))
                .isEqualTo("\\\\start\tmid\\tdle\tend\\n\ta\\rb\\\\c\n");
    }

    @Test
    void aLongValueComesOutWhole() {
        String json = "{\"text\":\"" + "x".repeat(100_000) + "\\u00e9\"}";
        assertThat(TabSeparated.line("id", json)).isEqualTo("id\t" + json.replace("\\", "\\\\") + "\n");
    }
}
