package dev.restoredrill.backup;

import java.util.List;

/**
 * The outcome of one pass over one backup file.
 *
 * @param sizeBytes         null when the file could not be read
 * @param sha256            of the raw file bytes; null when the file could not be read
 * @param uncompressedBytes null when no gzip stream could be opened
 * @param facts             null when the content could not be read as its format
 * @param failures          what is wrong with the content (FAIL)
 * @param error             why the file could not be read at all (ERROR), else null
 */
record FileScan(Long sizeBytes, String sha256, Long uncompressedBytes, FormatFacts facts, List<String> failures,
        String error) {

    static FileScan unreadable(String error) {
        return new FileScan(null, null, null, null, List.of(), error);
    }
}
