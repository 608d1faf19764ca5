package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;

import java.util.List;

/** Where the journey confirms, beside the app's API, that its new messages were written. */
interface StoredMessages {

    /** How many of the messages with these ids the store holds. */
    long count(List<String> messageIds);

    /** LibreChat's {@code messages} collection in the restored MongoDB. */
    static StoredMessages in(StoreConnections stores, List<String> secrets) {
        return messageIds -> {
            try {
                return RestoredLibreChat.query(stores, libreChat -> libreChat.getCollection(
                        BackupConversation.MESSAGES.collection()).countDocuments(Filters.in("messageId", messageIds)));
            } catch (MongoException e) {
                throw new StoreAccessException("Could not count the new messages in MongoDB: "
                        + SecretMasker.of(secrets).mask(e.getMessage()) + ". Check that the restored mongodb service is running.",
                        e);
            }
        };
    }
}
