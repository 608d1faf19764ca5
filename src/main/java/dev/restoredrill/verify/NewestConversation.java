package dev.restoredrill.verify;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.Optional;
import org.bson.Document;

/**
 * Which conversation the restored LibreChat should list as a user's newest, asked of its MongoDB (only read): the
 * user's conversation with the latest {@code updatedAt}, as LibreChat's {@code GET /api/convos} orders them. A guess
 * for reading the backup ahead ({@link BackupConversations}); the journey still opens what the app lists.
 */
public final class NewestConversation {
    private NewestConversation() {
    }

    /** The conversation id, or empty when the store holds no such user or no conversation of theirs. */
    public static Optional<String> of(StoreConnections stores, String email) {
        return RestoredLibreChat.query(stores, libreChat -> {
            Document user = libreChat.getCollection("users").find(Filters.eq("email", email))
                    .projection(Projections.include("_id")).first();
            if (user == null) {
                return Optional.empty();
            }
            // LibreChat keeps a conversation's user as the hex text of the user's _id.
            String userId = BackupConversation.text(user.toBsonDocument().get("_id"));
            Document newest = libreChat.getCollection(BackupConversation.CONVERSATIONS.collection())
                    .find(Filters.eq("user", userId)).sort(Sorts.descending("updatedAt"))
                    .projection(Projections.include("conversationId")).limit(1).first();
            return Optional.ofNullable(newest).map(conversation -> conversation.getString("conversationId"));
        });
    }
}
