package dev.restoredrill.migrations;

/**
 * One ClickHouse migration as golang-migrate knows it: the version it records in {@code schema_migrations} and the
 * file name it reads it from (without {@code .up.sql}), e.g. {@code 26}, {@code 0026_add_trace_id_index}.
 */
public record ClickHouseMigration(long version, String name) {

    public ClickHouseMigration {
        if (version < 1) {
            throw new IllegalArgumentException("a golang-migrate version is a positive number; found " + version);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("migration " + version + " has no name");
        }
    }

    /** golang-migrate's file name convention: {@code <version>_<title>.up.sql}; the version is the leading number. */
    public static ClickHouseMigration fromFileName(String fileName) {
        String name = fileName.endsWith(".up.sql") ? fileName.substring(0, fileName.length() - ".up.sql".length())
                : fileName;
        int underscore = name.indexOf('_');
        String digits = underscore < 0 ? name : name.substring(0, underscore);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + fileName + "' is not a golang-migrate file name "
                    + "(<version>_<title>.up.sql)");
        }
        return new ClickHouseMigration(Long.parseLong(digits), name);
    }
}
