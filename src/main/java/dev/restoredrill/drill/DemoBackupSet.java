package dev.restoredrill.drill;

import java.nio.file.Path;
import java.time.LocalDate;

/** Generates the demo backup set a drill falls back on (see the generate package). */
final class DemoBackupSet {

    private DemoBackupSet() {
    }

    static void generate(Path directory, LocalDate asOf) {
        throw new UnsupportedOperationException("demo generation is wired when the generator lands");
    }
}
