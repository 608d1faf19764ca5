package dev.restoredrill.generate;

import java.time.LocalDate;

/** The runbook's file names: {@code pg_$(date +%F).sql.gz}, {@code mongo_...gz}, {@code clickhouse_...tar.gz}, {@code minio_...tar.gz}. */
public final class BackupNames {
    private BackupNames() {
    }

    public static String postgres(LocalDate day) {
        return "pg_" + day + ".sql.gz";
    }

    public static String mongo(LocalDate day) {
        return "mongo_" + day + ".gz";
    }

    public static String clickhouse(LocalDate day) {
        return "clickhouse_" + day + ".tar.gz";
    }

    public static String minio(LocalDate day) {
        return "minio_" + day + ".tar.gz";
    }
}
