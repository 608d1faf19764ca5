package dev.restoredrill.reference.chat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * LibreChat's collections in the restored MongoDB, read and written with the field names and types LibreChat's
 * mongoose schemas use: {@code user} of a conversation or message is the user's id as a hex string, timestamps
 * are BSON dates, a conversation's {@code messages} holds the messages' {@code _id}s.
 */
final class LibreChatStore {

    static final String NEW_CONVERSATION_TITLE = "New Chat";

    private final MongoDatabase database;
    private final MongoCollection<Document> users;
    private final MongoCollection<Document> conversations;
    private final MongoCollection<Document> messages;

    LibreChatStore(MongoClient client, String databaseName) {
        this.database = client.getDatabase(databaseName);
        this.users = database.getCollection("users");
        this.conversations = database.getCollection("conversations");
        this.messages = database.getCollection("messages");
    }

    String databaseName() {
        return database.getName();
    }

    boolean ping() {
        try {
            return database.runCommand(new Document("ping", 1)).get("ok", Number.class).intValue() == 1;
        } catch (MongoException e) {
            return false;
        }
    }

    /** LibreChat stores e-mails lowercase and looks them up lowercased. */
    Optional<Document> userByEmail(String email) {
        return Optional.ofNullable(users.find(Filters.eq("email", email.strip().toLowerCase(java.util.Locale.ROOT)))
                .first());
    }

    Optional<Document> userById(String userId) {
        if (!ObjectId.isValid(userId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.find(Filters.eq("_id", new ObjectId(userId))).first());
    }

    /** The user's conversations after {@code cursor} (null: from the start), sorted by updatedAt then id. */
    ConversationPage conversations(String userId, ConvoCursor cursor, int limit, boolean newestFirst) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("user", userId), Filters.ne("isArchived", true)));
        if (cursor != null) {
            Date at = Date.from(cursor.updatedAt());
            filters.add(newestFirst
                    ? Filters.or(Filters.lt("updatedAt", at),
                            Filters.and(Filters.eq("updatedAt", at), Filters.lt("conversationId", cursor.conversationId())))
                    : Filters.or(Filters.gt("updatedAt", at),
                            Filters.and(Filters.eq("updatedAt", at), Filters.gt("conversationId", cursor.conversationId()))));
        }
        Bson order = newestFirst ? Sorts.descending("updatedAt", "conversationId")
                : Sorts.ascending("updatedAt", "conversationId");
        List<Document> page = conversations.find(Filters.and(filters)).sort(order).limit(limit + 1)
                .into(new ArrayList<>());
        if (page.size() <= limit) {
            return new ConversationPage(page, null);
        }
        page = page.subList(0, limit);
        Document last = page.get(limit - 1);
        return new ConversationPage(page,
                new ConvoCursor(last.getDate("updatedAt").toInstant(), last.getString("conversationId")));
    }

    Optional<Document> conversation(String userId, String conversationId) {
        return Optional.ofNullable(conversations.find(
                Filters.and(Filters.eq("user", userId), Filters.eq("conversationId", conversationId))).first());
    }

    /** The user's messages of one conversation, oldest first. */
    List<Document> messages(String userId, String conversationId) {
        return messages.find(Filters.and(Filters.eq("user", userId), Filters.eq("conversationId", conversationId)))
                .sort(Sorts.ascending("createdAt")).into(new ArrayList<>());
    }

    /**
     * Stores both messages of a chat and bumps the conversation's updatedAt, creating the conversation if it is
     * new; returns the conversation as stored.
     */
    Document saveTurn(ChatTurn turn) {
        messages.insertMany(List.of(turn.requestMessage(), turn.responseMessage()));
        List<ObjectId> ids = List.of(turn.requestMessage().getObjectId("_id"),
                turn.responseMessage().getObjectId("_id"));
        Date at = Date.from(turn.at());
        Bson mine = Filters.and(Filters.eq("user", turn.userId()), Filters.eq("conversationId", turn.conversationId()));
        if (conversations.find(mine).first() == null) {
            conversations.insertOne(new Document("_id", new ObjectId(at))
                    .append("conversationId", turn.conversationId())
                    .append("user", turn.userId())
                    .append("__v", 0)
                    .append("createdAt", at)
                    .append("endpoint", turn.endpoint())
                    .append("isArchived", false)
                    .append("messages", ids)
                    .append("model", turn.model())
                    .append("title", NEW_CONVERSATION_TITLE)
                    .append("updatedAt", at));
        } else {
            conversations.updateOne(mine, Updates.combine(
                    Updates.set("updatedAt", at),
                    Updates.set("endpoint", turn.endpoint()),
                    Updates.set("model", turn.model()),
                    Updates.pushEach("messages", ids)));
        }
        return conversations.find(mine).first();
    }

    /** A message document as LibreChat's schema has it. */
    static Document message(String messageId, ChatTurn.Author author, String text, String parentMessageId,
                            String conversationId, String userId, String endpoint, String model,
                            int tokenCount, Instant at) {
        Date date = Date.from(at);
        return new Document("_id", new ObjectId(date))
                .append("messageId", messageId)
                .append("__v", 0)
                .append("conversationId", conversationId)
                .append("createdAt", date)
                .append("endpoint", endpoint)
                .append("error", false)
                .append("isCreatedByUser", author == ChatTurn.Author.USER)
                .append("model", author == ChatTurn.Author.USER ? null : model)
                .append("parentMessageId", parentMessageId)
                .append("sender", author == ChatTurn.Author.USER ? "User" : model)
                .append("text", text)
                .append("tokenCount", tokenCount)
                .append("unfinished", false)
                .append("updatedAt", date)
                .append("user", userId);
    }
}
