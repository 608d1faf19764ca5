package dev.restoredrill.generate;

import java.util.List;
import org.bson.BsonDocument;

/** One LibreChat conversation with its messages (oldest first) and the transactions its answers cost. */
record ConversationThread(BsonDocument conversation, List<BsonDocument> messages, List<BsonDocument> transactions) {
}
