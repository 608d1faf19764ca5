package dev.restoredrill.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The command line of {@link DemoBackups}: {@code --out DIR [--seed N] [--size 20MB] [--days 30] [--as-of YYYY-MM-DD] [--mix ...]}. */
record DemoBackupsOptions(Path out, long seed, long sizeBytes, int days, LocalDate asOf, DatasetMix mix) {
    static final String USAGE = "usage: DemoBackups --out DIR [--seed N] [--size 20MB] [--days 30] [--as-of YYYY-MM-DD]"
            + " [--mix spend=W,conversations=W,traces=W,media=W]";

    static DemoBackupsOptions parse(List<String> args) {
        Path out = null;
        long seed = 1;
        long size = ByteSize.parse("20MB");
        int days = 30;
        LocalDate asOf = LocalDate.now(ZoneOffset.UTC);
        DatasetMix mix = DatasetMix.DEMO;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new GenerateException("Option " + option + " needs a value. " + USAGE);
            }
            String value = args.get(++i);
            try {
                switch (option) {
                    case "--out" -> out = Path.of(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--size" -> size = ByteSize.parse(value);
                    case "--days" -> days = Integer.parseInt(value);
                    case "--as-of" -> asOf = LocalDate.parse(value);
                    case "--mix" -> mix = DatasetMix.parse(value);
                    default -> throw new GenerateException("Unknown option " + option + ". " + USAGE);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new GenerateException("Option " + option + " expects " + (option.equals("--as-of") ? "a date YYYY-MM-DD" : "a whole number")
                        + ", found '" + value + "'. " + USAGE, e);
            }
        }
        if (out == null) {
            throw new GenerateException("Missing --out DIR, the directory to write the backups to. " + USAGE);
        }
        return new DemoBackupsOptions(out, seed, size, days, asOf, mix);
    }
}
