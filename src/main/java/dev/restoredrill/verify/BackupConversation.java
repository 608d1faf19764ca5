package dev.restoredrill.verify;

import dev.restoredrill.mongoarchive.ArchiveVisitor;
import dev.restoredrill.mongoarchive.MongoArchiveReader;
import dev.restoredrill.mongoarchive.Namespace;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One conversation's messages as the mongo backup holds them, read from the {@code mongodump --archive --gzip}
 * stream in a single pass: memory holds only that conversation's messages, whatever the archive's size.
 */
public record BackupConversation(String conversationId, List<BackupMessage> messages) {

    /** LibreChat's database, as its MONGO_URI names it. */
    public static final String DATABASE = "LibreChat";
    static final Namespace MESSAGES = new Namespace(DATABASE, "messages");
    static final Namespace CONVERSATIONS = new Namespace(DATABASE, "conversations");

    public BackupConversation {
        messages = List.copyOf(messages);
    }

    /** Reads the archive once, keeping the messages of {@code conversationId}; the caller closes the stream. */
    public static BackupConversation read(InputStream gzipArchive, String conversationId) throws IOException {
        List<BackupMessage> found = new ArrayList<>();
        MongoArchiveReader.readGzip(gzipArchive, new ArchiveVisitor() {
            @Override
            public void document(Namespace ns, RawBsonDocument doc) {
                if (ns.equals(MESSAGES) && conversationId.equals(text(doc.get("conversationId")))) {
                    found.add(new BackupMessage(text(doc.get("messageId")), text(doc.get("text"))));
                }
            }
        });
        return new BackupConversation(conversationId, found);
    }

    /** How many conversations of {@code userId} the archive holds (one pass, a counter). */
    public static long countConversationsOf(InputStream gzipArchive, String userId) throws IOException {
        long[] count = {0};
        MongoArchiveReader.readGzip(gzipArchive, new ArchiveVisitor() {
            @Override
            public void document(Namespace ns, RawBsonDocument doc) {
                if (ns.equals(CONVERSATIONS) && userId.equals(text(doc.get("user")))) {
                    count[0]++;
                }
            }
        });
        return count[0];
    }

    /** LibreChat stores ids as strings; older documents may hold an ObjectId. */
    static String text(BsonValue value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.asString().getValue();
        }
        if (value.isObjectId()) {
            return value.asObjectId().getValue().toHexString();
        }
        return value.toString();
    }
}
