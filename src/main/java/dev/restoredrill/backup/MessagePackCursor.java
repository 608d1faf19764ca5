package dev.restoredrill.backup;

/**
 * Reads the few MessagePack types an {@code xl.meta} header uses (integers, bin, array headers) from a byte array;
 * anything else, or a value running past the end, is an {@link IllegalArgumentException} naming the offset.
 * Type bytes as in the MessagePack spec (github.com/msgpack/msgpack/blob/master/spec.md).
 */
final class MessagePackCursor {
    private final byte[] bytes;
    private final int end;
    private int position;

    MessagePackCursor(byte[] bytes, int offset, int end) {
        this.bytes = bytes;
        this.position = offset;
        this.end = end;
    }

    int position() {
        return position;
    }

    long readInteger() {
        int type = u8();
        if (type <= 0x7f) {
            return type;
        }
        if (type >= 0xe0) {
            return (byte) type;
        }
        return switch (type) {
            case 0xcc -> u8();
            case 0xcd -> be(2);
            case 0xce -> be(4);
            case 0xcf, 0xd3 -> be(8);
            case 0xd0 -> (byte) u8();
            case 0xd1 -> (short) be(2);
            case 0xd2 -> (int) be(4);
            default -> throw unexpected(type, "an integer");
        };
    }

    /** The length of a bin value; the cursor is then at its first byte. */
    int readBinHeader() {
        int type = u8();
        long length = switch (type) {
            case 0xc4 -> u8();
            case 0xc5 -> be(2);
            case 0xc6 -> be(4);
            default -> throw unexpected(type, "bin");
        };
        if (length > end - position) {
            throw new IllegalArgumentException("a bin of " + length + " bytes at offset " + position
                    + " runs past the end (" + (end - position) + " bytes left)");
        }
        return (int) length;
    }

    int readArrayHeader() {
        int type = u8();
        if (type >= 0x90 && type <= 0x9f) {
            return type & 0x0f;
        }
        return switch (type) {
            case 0xdc -> (int) be(2);
            case 0xdd -> (int) be(4);
            default -> throw unexpected(type, "an array");
        };
    }

    void skip(int length) {
        if (length > end - position) {
            throw new IllegalArgumentException("offset " + position + " + " + length + " runs past the end");
        }
        position += length;
    }

    private int u8() {
        if (position >= end) {
            throw new IllegalArgumentException("ends at offset " + position + " in the middle of a value");
        }
        return bytes[position++] & 0xff;
    }

    private long be(int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            value = value << 8 | u8();
        }
        return value;
    }

    private IllegalArgumentException unexpected(int type, String wanted) {
        return new IllegalArgumentException(String.format("expected %s at offset %d, found type byte 0x%02x", wanted,
                position - 1, type));
    }
}
