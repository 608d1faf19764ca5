package dev.restoredrill.restore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A full disk as the restore tools report it (their own words), told apart from other failures. */
class DiskFullTest {

    @Test
    void postgresAndTarWordsForAFullDiskAreRecognised() {
        assertThat(DiskFull.in("ERROR:  could not extend file \"base/16384/16402\": No space left on device"))
                .isTrue();
        assertThat(DiskFull.in("tar: data/store/part.bin: Wrote only 5632 of 10240 bytes")).isTrue();
        assertThat(DiskFull.in("tar: data/x: Cannot open: No space left on device")).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DiskFull.in("ERROR:  relation \"users\" already exists")).isFalse();
        assertThat(DiskFull.in("gzip: stdin: unexpected end of file")).isFalse();
    }

    @Test
    void theMessageNamesTheStoreTheToolsLineAndWhatToDo() {
        String message = DiskFull.message("postgres", "psql:<stdin>:12: ERROR:  could not extend file "
                + "\"base/1/2\": No space left on device\nHINT:  Check free disk space.", 0);

        assertThat(message).startsWith("the drill host ").contains(" ran out of disk while restoring postgres (")
                .contains("could not extend file").contains("Free space on it").doesNotContain("\n");
    }
}
