package dev.restoredrill.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Synthetic backups, written in code: a small pg_dumpall as Debian's pg15 writes it, and volume tarballs. */
final class Fixtures {
    static final String SECRET_RESTRICT_KEY = "K3yN0tForLogs";
    static final String ROLE_PASSWORD = "SCRAM-SHA-256$4096:c2FsdA==$s3cr3tHash";

    private Fixtures() {}

    static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /**
     * A pg_dumpall of three databases: template1 (no data), litellm (two tables, one quoted, 3 and 2 rows)
     * and langfuse (users 1 row, empty _prisma_migrations). Lines are as pg_dumpall 15.14 writes them,
     * with restrict/unrestrict lines around each section and after the cluster footer.
     */
    static String pgDumpall() {
        return """
                --
                -- PostgreSQL database cluster dump
                --

                \\restrict %1$sC

                SET default_transaction_read_only = off;

                SET client_encoding = 'UTF8';
                SET standard_conforming_strings = on;

                --
                -- Roles
                --

                CREATE ROLE llm;
                ALTER ROLE llm WITH SUPERUSER INHERIT CREATEROLE CREATEDB LOGIN REPLICATION BYPASSRLS PASSWORD '%2$s';

                \\unrestrict %1$sC

                --
                -- Databases
                --

                --
                -- Database "template1" dump
                --

                \\connect template1

                --
                -- PostgreSQL database dump
                --

                \\restrict %1$sT

                -- Dumped from database version 15.14 (Debian 15.14-0+deb12u1)
                -- Dumped by pg_dump version 15.14 (Debian 15.14-0+deb12u1)

                SET statement_timeout = 0;

                --
                -- PostgreSQL database dump complete
                --

                \\unrestrict %1$sT

                --
                -- Database "litellm" dump
                --

                --
                -- PostgreSQL database dump
                --

                \\restrict %1$sL

                CREATE DATABASE litellm WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc;
                ALTER DATABASE litellm OWNER TO llm;

                \\connect litellm

                --
                -- Data for Name: LiteLLM_SpendLogs; Type: TABLE DATA; Schema: public; Owner: llm
                --

                COPY public."LiteLLM_SpendLogs" (request_id, api_key, spend, "startTime", "endTime") FROM stdin;
                req-1\t88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b\t0.0012\t2026-05-25 10:00:00\t2026-05-25 10:00:02
                req-2\t88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b\t0.0030\t2026-05-25 11:00:00\t2026-05-25 11:00:05
                req-3\t\\N\t0\t2026-05-25 12:00:00\t\\N
                \\.


                COPY public."LiteLLM_VerificationToken" (token, key_alias, spend, max_budget) FROM stdin;
                88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b\tdrill-key\t0.0042\t10
                0b4e7a0e5fe84ad35fb5f95b9ceeac79bf5a9b0b3c3e1c5d9b7a0e4c1d2f3a4b\t\\N\t0\t\\N
                \\.


                --
                -- PostgreSQL database dump complete
                --

                \\unrestrict %1$sL

                --
                -- Database "langfuse" dump
                --

                --
                -- PostgreSQL database dump
                --

                \\restrict %1$sF

                CREATE DATABASE langfuse WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc;

                \\connect langfuse

                COPY public.users (id, name, email) FROM stdin;
                u1\tDrill User\tdrill@example.com
                \\.


                COPY public._prisma_migrations (id, checksum, migration_name) FROM stdin;
                \\.


                --
                -- PostgreSQL database dump complete
                --

                \\unrestrict %1$sF

                --
                -- PostgreSQL database cluster dump complete
                --

                """.formatted(SECRET_RESTRICT_KEY, ROLE_PASSWORD);
    }

    static Path gzip(Path file, String text) {
        return gzip(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path gzip(Path file, byte[] content) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path touch(Path file, String instant) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse(instant)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a tarball through commons-compress, as `tar czf x.tar.gz /data` would (gzip'd). */
    static Path tarGz(Path file, TarContent content) {
        return tarGz(file, content, TarArchiveOutputStream.LONGFILE_POSIX);
    }

    /** As above, names over 100 bytes written as {@code longFileMode} says (PAX records, or GNU 'L' entries). */
    static Path tarGz(Path file, TarContent content, int longFileMode) {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GZIPOutputStream(Files.newOutputStream(file)))) {
            tar.setLongFileMode(longFileMode);
            content.writeTo(new Tar(tar));
            tar.finish();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface TarContent {
        void writeTo(Tar tar) throws IOException;
    }

    /** Entry writers; absolute names are kept (preserveAbsolutePath) so hostile tarballs can be made. */
    record Tar(TarArchiveOutputStream out) {
        Tar dir(String name) throws IOException {
            return put(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), null);
        }

        Tar file(String name, String content) throws IOException {
            return file(name, content.getBytes(StandardCharsets.UTF_8));
        }

        Tar file(String name, byte[] bytes) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setSize(bytes.length);
            return put(entry, bytes);
        }

        Tar symlink(String name, String target) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
            entry.setMode(0120777); // lrwxrwxrwx, as tar records a symlink
            entry.setLinkName(target);
            return put(entry, null);
        }

        Tar hardlink(String name, String target) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
            entry.setLinkName(target);
            return put(entry, null);
        }

        Tar charDevice(String name) throws IOException {
            return put(new TarArchiveEntry(name, TarConstants.LF_CHR, true), null);
        }

        private Tar put(TarArchiveEntry entry, byte[] bytes) throws IOException {
            out.putArchiveEntry(entry);
            if (bytes != null) {
                out.write(bytes);
            }
            out.closeArchiveEntry();
            return this;
        }
    }

    /** A MinIO-like volume: bucket langfuse with 3 objects, the .minio.sys bucket with 1. */
    static Tar minioVolume(Tar tar) throws IOException {
        return tar.dir("data").dir("data/langfuse").dir("data/langfuse/events")
                .file("data/langfuse/events/p1/trace/t1/e1.json/xl.meta", "{\"id\":\"e1\"}")
                .file("data/langfuse/events/p1/trace/t2/e2.json/xl.meta", "{\"id\":\"e2\"}")
                .file("data/langfuse/media/m1/xl.meta", "png")
                .file("data/.minio.sys/format.json", "{\"version\":\"1\"}");
    }
}
