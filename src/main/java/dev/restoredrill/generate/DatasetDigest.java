package dev.restoredrill.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * A sha256 over everything a dataset holds, item by item in a fixed order (documents as their BSON
 * bytes, rows as their COPY/TabSeparated lines, objects as key and bytes): equal digests mean equal
 * content. Also counts the uncompressed bytes per store, which calibrates {@link DatasetScale}.
 */
public final class DatasetDigest {
    private final MessageDigest sha = newSha256();
    private long mongoBytes;
    private long postgresBytes;
    private long clickhouseBytes;
    private long objectBytes;

    public static DatasetDigest of(Dataset dataset) {
        DatasetDigest d = new DatasetDigest();
        LibreChatData chat = dataset.libreChat();
        for (int i = 0; i < chat.users(); i++) {
            d.mongo(chat.user(i));
            d.mongo(chat.balance(i));
        }
        for (int i = 0; i < chat.agents(); i++) {
            d.mongo(chat.agent(i));
        }
        for (int i = 0; i < chat.sessions(); i++) {
            d.mongo(chat.session(i));
        }
        for (long i = 0; i < chat.conversations(); i++) {
            ConversationThread t = chat.thread(i);
            d.mongo(t.conversation());
            t.messages().forEach(d::mongo);
            t.transactions().forEach(d::mongo);
        }
        LiteLlmData gateway = dataset.liteLlm();
        for (CopyTable table : LiteLlmData.BASE_TABLES) {
            for (int i = 0; i < gateway.baseRows(table); i++) {
                d.postgres(gateway.baseRow(table, i));
            }
        }
        for (long i = 0; i < gateway.spendLogs(); i++) {
            d.postgres(gateway.spendLog(i));
        }
        LangfuseData langfuse = dataset.langfuse();
        for (CopyTable table : LangfuseData.BASE_TABLES) {
            for (int i = 0; i < langfuse.baseRows(table); i++) {
                d.postgres(langfuse.baseRow(table, i));
            }
        }
        langfuse.schemaMigrationRows().forEach(d::clickhouse);
        for (long i = 0; i < langfuse.traces(); i++) {
            TraceBundle t = langfuse.trace(i);
            d.clickhouse(t.traceRow());
            t.observationRows().forEach(d::clickhouse);
            t.scoreRows().forEach(d::clickhouse);
            d.object(t.eventKey(), t.eventJson().getBytes(StandardCharsets.UTF_8));
        }
        for (long i = 0; i < langfuse.mediaObjects(); i++) {
            MediaObject m = langfuse.media(i);
            d.object(m.key(), m.bytes());
        }
        return d;
    }

    private void mongo(BsonDocument document) {
        byte[] bytes = bsonBytes(document);
        sha.update(bytes);
        mongoBytes += bytes.length;
    }

    private void postgres(String line) {
        postgresBytes += update(line);
    }

    private void clickhouse(String line) {
        clickhouseBytes += update(line);
    }

    private void object(String key, byte[] bytes) {
        update(key);
        sha.update(bytes);
        objectBytes += bytes.length;
    }

    private int update(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(bytes);
        return bytes.length;
    }

    static byte[] bsonBytes(BsonDocument document) {
        RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
        byte[] bytes = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(bytes);
        return bytes;
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }

    public long totalBytes() {
        return mongoBytes + postgresBytes + clickhouseBytes + objectBytes;
    }

    public List<Long> bytesPerStore() {
        return List.of(mongoBytes, postgresBytes, clickhouseBytes, objectBytes);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
