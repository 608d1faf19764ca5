package dev.restoredrill.backup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes MessagePack (github.com/msgpack/msgpack/blob/master/spec.md) in the smallest encoding for each value, as
 * tinylib/msgp (MinIO's encoder) does, for test fixtures.
 */
final class MessagePackWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    MessagePackWriter mapHeader(int size) {
        if (size < 16) {
            return raw(0x80 | size);
        }
        return raw(0xde).be(size, 2);
    }

    MessagePackWriter arrayHeader(int size) {
        if (size < 16) {
            return raw(0x90 | size);
        }
        return raw(0xdc).be(size, 2);
    }

    MessagePackWriter str(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            raw(0xa0 | bytes.length);
        } else if (bytes.length < 256) {
            raw(0xd9).be(bytes.length, 1);
        } else {
            raw(0xda).be(bytes.length, 2);
        }
        out.writeBytes(bytes);
        return this;
    }

    MessagePackWriter bin(byte[] bytes) {
        if (bytes.length < 256) {
            raw(0xc4).be(bytes.length, 1);
        } else if (bytes.length < 65_536) {
            raw(0xc5).be(bytes.length, 2);
        } else {
            raw(0xc6).be(bytes.length, 4);
        }
        out.writeBytes(bytes);
        return this;
    }

    /** msgp's AppendInt/AppendUint: fixint, then the smallest (u)int type that holds the value. */
    MessagePackWriter integer(long value) {
        if (value >= 0 && value < 128) {
            return raw((int) value);
        }
        if (value < 0 && value >= -32) {
            return raw((int) value & 0xff);
        }
        if (value >= 0) {
            return value < 256 ? raw(0xcc).be(value, 1) : value < 65_536 ? raw(0xcd).be(value, 2)
                    : value < 4_294_967_296L ? raw(0xce).be(value, 4) : raw(0xcf).be(value, 8);
        }
        return value >= Byte.MIN_VALUE ? raw(0xd0).be(value, 1) : value >= Short.MIN_VALUE ? raw(0xd1).be(value, 2)
                : value >= Integer.MIN_VALUE ? raw(0xd2).be(value, 4) : raw(0xd3).be(value, 8);
    }

    MessagePackWriter nil() {
        return raw(0xc0);
    }

    MessagePackWriter bytes(byte[] raw) {
        out.writeBytes(raw);
        return this;
    }

    MessagePackWriter raw(int b) {
        out.write(b);
        return this;
    }

    MessagePackWriter be(long value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
