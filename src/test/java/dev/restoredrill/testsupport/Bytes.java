package dev.restoredrill.testsupport;

/** Byte-array searching for tests that look for planted values inside files. */
public final class Bytes {

    private Bytes() {
    }

    /** The first index of {@code needle} in {@code haystack}, or -1. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
