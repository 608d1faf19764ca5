package dev.restoredrill.reference;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Health check without the mongo shell: sends {@code {ping: 1, $db: "admin"}} as an OP_MSG and exits 0
 * when the reply says {@code ok: 1}, 1 otherwise. Usage: {@code MongoPing [host] [port]}.
 */
public final class MongoPing {

    private static final int OP_MSG = 2013;
    private static final int TIMEOUT_MILLIS = 3000;

    private MongoPing() {
    }

    public static void main(String[] args) {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : MongodOptions.DEFAULT_PORT;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(pingMessage());
            out.flush();
            byte[] reply = readMessage(new DataInputStream(socket.getInputStream()));
            if (replyIsOk(reply)) {
                System.out.println("ok");
                System.exit(0);
            }
            System.err.println("mongo ping: server at " + host + ":" + port + " did not answer ok: 1");
        } catch (IOException e) {
            System.err.println("mongo ping: no answer from " + host + ":" + port + ": " + e.getMessage());
        }
        System.exit(1);
    }

    private static byte[] pingMessage() {
        byte[] body = bsonDocument();
        ByteBuffer message = ByteBuffer.allocate(16 + 4 + 1 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        message.putInt(message.capacity()).putInt(1).putInt(0).putInt(OP_MSG);
        message.putInt(0);              // flag bits
        message.put((byte) 0);          // section kind 0: the command document
        message.put(body);
        return message.array();
    }

    /** {ping: 1 (int32), $db: "admin"} in BSON. */
    private static byte[] bsonDocument() {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        elements.write(0x10);
        writeCString(elements, "ping");
        writeInt(elements, 1);
        elements.write(0x02);
        writeCString(elements, "$db");
        byte[] admin = "admin".getBytes(StandardCharsets.UTF_8);
        writeInt(elements, admin.length + 1);
        writeCString(elements, "admin");
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        writeInt(document, 4 + elements.size() + 1);
        document.writeBytes(elements.toByteArray());
        document.write(0);
        return document.toByteArray();
    }

    private static byte[] readMessage(DataInputStream in) throws IOException {
        byte[] lengthBytes = new byte[4];
        in.readFully(lengthBytes);
        int length = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length < 21 || length > 16 * 1024 * 1024) {
            throw new IOException("implausible reply length " + length);
        }
        byte[] message = new byte[length];
        System.arraycopy(lengthBytes, 0, message, 0, 4);
        in.readFully(message, 4, length - 4);
        return message;
    }

    /** Looks for the top-level element {@code ok} (double or int32) equal to 1 in the reply's document. */
    private static boolean replyIsOk(byte[] reply) {
        ByteBuffer buffer = ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getInt(12) != OP_MSG) {
            return false;
        }
        int position = 16 + 4 + 1 + 4;  // header, flags, section kind, document length
        while (position < reply.length && reply[position] != 0) {
            byte type = reply[position++];
            int nameStart = position;
            while (reply[position] != 0) {
                position++;
            }
            String name = new String(reply, nameStart, position - nameStart, StandardCharsets.UTF_8);
            position++;
            if (name.equals("ok")) {
                return (type == 0x01 && buffer.getDouble(position) == 1.0)
                        || (type == 0x10 && buffer.getInt(position) == 1);
            }
            position += elementSize(type, buffer, position);
        }
        return false;
    }

    private static int elementSize(byte type, ByteBuffer buffer, int position) {
        return switch (type) {
            case 0x01, 0x09, 0x11, 0x12 -> 8;           // double, date, timestamp, int64
            case 0x02 -> 4 + buffer.getInt(position);   // string
            case 0x03, 0x04 -> buffer.getInt(position); // document, array
            case 0x08 -> 1;                             // boolean
            case 0x0A -> 0;                             // null
            case 0x10 -> 4;                             // int32
            case 0x07 -> 12;                            // ObjectId
            default -> throw new IllegalStateException("unexpected BSON type " + type + " in ping reply");
        };
    }

    private static void writeCString(ByteArrayOutputStream out, String value) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }
}
