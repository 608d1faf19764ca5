package dev.restoredrill.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code schema: must_not:}, as the loader reads it. */
class SchemaRulesScenarioTest {

    @TempDir
    Path dir;

    private final ScenarioLoader loader = new ScenarioLoader(Map.of());

    @Test
    void thePostMigrationDrillNamesItsRulesAndTheQuarterlyKeepsTheDefault() {
        assertThat(loader.read(Path.of("drill-scenarios/post-migration.yml")).schemaMustNot())
                .containsExactly(SchemaRule.DROP_TABLE_WITH_DATA, SchemaRule.DROP_COLUMN_WITH_DATA,
                        SchemaRule.CHANGE_COLUMN_TYPE);
        assertThat(loader.read(Path.of("drill-scenarios/quarterly.yml")).schemaMustNot())
                .isEqualTo(SchemaRule.DEFAULT);
    }

    @Test
    void anEmptyListForbidsNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("lax.yml"), """
                name: lax
                stores: [postgres]
                schema:
                  must_not: []
                """);
        assertThat(loader.read(file).schemaMustNot()).isEmpty();
    }

    @Test
    void anUnknownRuleIsRefusedWithTheKnownOnes() throws IOException {
        Path file = Files.writeString(dir.resolve("typo.yml"), """
                name: typo
                stores: [postgres]
                schema:
                  must_not: [drop-colum-with-data]
                """);
        assertThatThrownBy(() -> loader.read(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("field 'schema.must_not'")
                .hasMessageContaining("found 'drop-colum-with-data'")
                .hasMessageContaining("drop-column-with-data");
    }
}
