package dev.restoredrill.generate;

/** A Postgres table the generator fills with {@code COPY ... FROM STDIN}: its database, quoted name and column list. */
record CopyTable(String database, String quotedName, String columns) {
    String copySql() {
        return "COPY " + quotedName + " (" + columns + ") FROM STDIN";
    }

    /** The name as pg_dumpall prints it in its COPY lines: {@code public."LiteLLM_SpendLogs"}. */
    String dumpName() {
        return "public." + quotedName;
    }
}
