package dev.restoredrill.restore;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DumpallSectionsTest {

    /**
     * The shape Debian's pg_dumpall 15.20 writes (src/bin/pg_dump/pg_dumpall.c: globals, then per database a
     * "-- Database "NAME" dump" header and pg_dump's own output with its restrict/unrestrict pair); taken from a
     * dump of the reference postgres:15 image, keys shortened.
     */
    private static final String GLOBALS = """
            --
            -- PostgreSQL database cluster dump
            --

            \\restrict K0

            SET default_transaction_read_only = off;
            CREATE ROLE drill;

            \\unrestrict K0

            --
            -- Databases
            --

            """;
    private static final String TEMPLATE1 = """
            --
            -- Database "template1" dump
            --

            \\connect template1

            \\restrict K1
            -- PostgreSQL database dump complete
            \\unrestrict K1

            """;
    private static final String LITELLM = """
            --
            -- Database "litellm" dump
            --

            \\restrict K2
            CREATE DATABASE litellm WITH TEMPLATE = template0 ENCODING = 'UTF8';
            \\unrestrict K2
            \\connect litellm
            \\restrict K2
            COPY public."LiteLLM_SpendLogs" (request_id, note) FROM stdin;
            req-1\tfine
            -- Database "not-a-section" dump
            \\.

            -- PostgreSQL database dump complete
            \\unrestrict K2

            """;
    private static final String LANGFUSE = """
            --
            -- Database "langfuse" dump
            --

            \\restrict K3
            CREATE DATABASE langfuse WITH TEMPLATE = template0 ENCODING = 'UTF8';
            \\connect langfuse
            -- PostgreSQL database dump complete
            \\unrestrict K3

            --
            -- PostgreSQL database cluster dump complete
            --

            """;

    @Test
    void splitsAtEachDatabaseHeaderIntoSectionsThatTogetherAreTheDump() throws IOException {
        String dump = GLOBALS + TEMPLATE1 + LITELLM + LANGFUSE;
        Map<String, String> sections = split(new ByteArrayInputStream(bytes(dump)));

        assertThat(sections.keySet()).containsExactly("(globals)", "template1", "litellm", "langfuse");
        assertThat(withoutTransactionLines(String.join("", sections.values()))).isEqualTo(dump);
        // the header's leading "--" line stays with the section before: a comment, harmless anywhere
        assertThat(sections.get("litellm")).startsWith("-- Database \"litellm\" dump\n")
                .contains("req-1\tfine\n-- Database \"not-a-section\" dump\n\\.")
                .endsWith("\\unrestrict K2\n\n--\nCOMMIT;\n");
    }

    @Test
    void eachDatabaseLoadsAsOneTransactionFromItsConnectOnButTheGlobalsDoNot() throws IOException {
        Map<String, String> sections = split(new ByteArrayInputStream(bytes(GLOBALS + TEMPLATE1 + LITELLM + LANGFUSE)));

        assertThat(sections.get("(globals)")).doesNotContain("BEGIN;", "COMMIT;");
        // CREATE DATABASE cannot run in a transaction block: it stays before the BEGIN
        assertThat(sections.get("litellm"))
                .contains("CREATE DATABASE litellm WITH TEMPLATE = template0 ENCODING = 'UTF8';\n\\unrestrict K2\n"
                        + "\\connect litellm\nBEGIN;\n\\restrict K2\nCOPY ")
                .endsWith("COMMIT;\n");
        assertThat(sections.get("template1")).contains("\\connect template1\nBEGIN;\n").endsWith("COMMIT;\n");
        assertThat(sections.values()).allSatisfy(section -> assertThat(section.split("BEGIN;", -1).length)
                .as("one transaction per section").isEqualTo(section.split("COMMIT;", -1).length));
    }

    @Test
    void aSecondConnectInASectionCommitsTheFirstTransactionAndAConnectInCopyDataIsData() throws IOException {
        String dump = GLOBALS + "-- Database \"a\" dump\n\\connect a\nCOPY t (x) FROM stdin;\n\\connect b\n\\.\n"
                + "\\connect c\nSELECT 1;\n";
        Map<String, String> sections = split(new ByteArrayInputStream(bytes(dump)));

        assertThat(sections.get("a")).isEqualTo("-- Database \"a\" dump\n\\connect a\nBEGIN;\nCOPY t (x) FROM stdin;\n"
                + "\\connect b\n\\.\nCOMMIT;\n\\connect c\nBEGIN;\nSELECT 1;\nCOMMIT;\n");
    }

    @Test
    void sectionLinesAreFoundAcrossReadBoundaries() throws IOException {
        String dump = GLOBALS + TEMPLATE1 + LITELLM + LANGFUSE;
        Map<String, String> sections = split(new TrickleInputStream(bytes(dump), 7));

        assertThat(sections.keySet()).containsExactly("(globals)", "template1", "litellm", "langfuse");
        assertThat(String.join("", sections.values()))
                .isEqualTo(String.join("", split(new ByteArrayInputStream(bytes(dump))).values()));
    }

    @Test
    void aDumpOfOneDatabaseWithoutHeadersIsOneSection() throws IOException {
        String dump = "CREATE TABLE t (x int);\nCOPY t (x) FROM stdin;\n1\n\\.\n";
        assertThat(split(new ByteArrayInputStream(bytes(dump)))).containsExactly(Map.entry("(globals)", dump));
    }

    @Test
    void longDataLinesPassThroughUnchanged() throws IOException {
        String row = "x".repeat(3 << 20);
        String dump = GLOBALS + "COPY t (x) FROM stdin;\n" + row + "\n\\.\n" + LANGFUSE;
        Map<String, String> sections = split(new ByteArrayInputStream(bytes(dump)));
        assertThat(sections.keySet()).containsExactly("(globals)", "langfuse");
        assertThat(withoutTransactionLines(String.join("", sections.values()))).isEqualTo(dump);
    }

    @Test
    void aDumpThatCannotBeReadIsTheSourcesFailureNotASections() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Unexpected end of ZLIB input stream");
            }
        };
        assertThatThrownBy(() -> split(broken)).isInstanceOf(DumpallSections.SourceFailedException.class)
                .hasMessageContaining("Unexpected end of ZLIB input stream");
    }

    /** The sections as the dump had them: what the splitter adds is only its BEGIN and COMMIT lines. */
    private static String withoutTransactionLines(String sections) {
        return sections.replace("BEGIN;\n", "").replace("COMMIT;\n", "");
    }

    private static Map<String, String> split(InputStream in) throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        List<ByteArrayOutputStream> open = new ArrayList<>();
        List<String> names = new ArrayList<>();
        DumpallSections.split(in, database -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            open.add(out);
            names.add(database == null ? "(globals)" : database);
            return new OutputStream() {
                private boolean closed;

                @Override
                public void write(int b) {
                    assertThat(closed).as("write after close").isFalse();
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    assertThat(closed).as("write after close").isFalse();
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }, () -> false);
        for (int i = 0; i < names.size(); i++) {
            sections.put(names.get(i), open.get(i).toString(StandardCharsets.UTF_8));
        }
        return sections;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Hands out at most a few bytes a read, as a network or gzip stream may. */
    private static final class TrickleInputStream extends ByteArrayInputStream {
        private final int most;

        TrickleInputStream(byte[] bytes, int most) {
            super(bytes);
            this.most = most;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, most));
        }
    }
}
