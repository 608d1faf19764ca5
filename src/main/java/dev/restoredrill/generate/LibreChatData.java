package dev.restoredrill.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.ObjectId;

/**
 * LibreChat's MongoDB documents (packages/data-schemas): users, agents, balances, sessions, and
 * conversation threads whose messages chain through parentMessageId. User 0 is the drill account;
 * it owns about one conversation in eight and always the newest one.
 *
 * <p>Documents under LibreChat's TTL indexes, expired and not: a quarter of the sessions expired before the newest
 * backup (session.ts, {@code expiration} with {@code expires: 0}), and about one chat in twelve of the other users
 * is a temporary chat whose conversation and messages carry {@code expiredAt} = last save + 30 days
 * (tempChatRetention.ts, DEFAULT_RETENTION_HOURS), so the older ones have expired. A real mongod's TTL monitor
 * would have deleted the expired ones before the dump; the reference source (mongo-java-server) has no TTL
 * monitor, so they are in the archive, and the drill's TTL accounting has something to account for.
 */
final class LibreChatData {
    static final String NO_PARENT = "00000000-0000-0000-0000-000000000000";
    private static final String[] MODELS = {"gpt-4o-mini", "gpt-4o", "claude-3-5-sonnet", "llama-3.1-70b"};
    /** LibreChat's default retention of a temporary chat (tempChatRetention.ts: 24 * 30 hours). */
    static final long TEMPORARY_CHAT_RETENTION_SECONDS = 30L * 86_400;

    private final long seed;
    private final DatasetScale scale;
    private final Timeline timeline;
    private final DrillSecrets credentials;
    private final BcryptPool passwords;

    LibreChatData(DatasetSpec spec, Timeline timeline, DrillSecrets credentials, BcryptPool passwords) {
        this.seed = spec.seed();
        this.scale = spec.scale();
        this.timeline = timeline;
        this.credentials = credentials;
        this.passwords = passwords;
    }

    int users() {
        return scale.users();
    }

    ObjectId userId(int index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.USER, index);
        return objectId(timeline.beforeWindow(r), r);
    }

    BsonDocument user(int index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.USER, index);
        Instant created = timeline.beforeWindow(r);
        ObjectId id = objectId(created, r);
        boolean drill = index == 0;
        String name = drill ? "Restore Drill" : capitalise(Text.word(r)) + " " + capitalise(Text.word(r));
        String username = drill ? "restore-drill" : "user" + index;
        String email = drill ? credentials.userEmail() : "user" + index + "@example.test";
        String password = drill ? Hashes.bcrypt(credentials.userPassword(), r) : passwords.pick(r);
        return new BsonDocument("_id", new BsonObjectId(id))
                .append("name", new BsonString(name))
                .append("username", new BsonString(username))
                .append("email", new BsonString(email))
                .append("emailVerified", BsonBoolean.TRUE)
                .append("password", new BsonString(password))
                .append("avatar", BsonNull.VALUE)
                .append("provider", new BsonString("local"))
                .append("role", new BsonString(index == 1 ? "ADMIN" : "USER"))
                .append("plugins", new BsonArray())
                .append("twoFactorEnabled", BsonBoolean.FALSE)
                .append("termsAccepted", BsonBoolean.TRUE)
                .append("backupCodes", new BsonArray())
                .append("refreshToken", new BsonArray())
                .append("createdAt", date(created))
                .append("updatedAt", date(created.plusSeconds(r.nextInt(86_400))))
                .append("__v", new BsonInt32(0));
    }

    int agents() {
        return scale.agents();
    }

    BsonDocument agent(int index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.AGENT, index);
        Instant created = timeline.beforeWindow(r);
        int author = r.nextInt(users());
        return new BsonDocument("_id", new BsonObjectId(objectId(created, r)))
                .append("id", new BsonString(agentId(index)))
                .append("name", new BsonString(capitalise(Text.word(r)) + " assistant"))
                .append("description", new BsonString(Text.sentence(r, 6, 14)))
                .append("instructions", new BsonString(Text.paragraphs(r, 300)))
                .append("provider", new BsonString("openAI"))
                .append("model", new BsonString(Text.pick(r, MODELS)))
                .append("author", new BsonObjectId(userId(author)))
                .append("authorName", new BsonString("user" + author))
                .append("tools", new BsonArray())
                .append("conversation_starters", new BsonArray())
                .append("createdAt", date(created))
                .append("updatedAt", date(created))
                .append("__v", new BsonInt32(0));
    }

    private String agentId(int index) {
        return "agent_" + Text.alnum(Seeds.random(seed, Seeds.Stream.AGENT, -1 - index), 21);
    }

    BsonDocument balance(int userIndex) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.SESSION, userIndex);
        return new BsonDocument("_id", new BsonObjectId(objectId(timeline.windowStart(), r)))
                .append("user", new BsonObjectId(userId(userIndex)))
                .append("tokenCredits", new BsonInt64(r.nextLong(0, 5_000_000)))
                .append("autoRefillEnabled", BsonBoolean.FALSE)
                .append("__v", new BsonInt32(0));
    }

    /**
     * A session for every other user; sessions expire a week after the newest backup, every fourth one a day or two
     * before it.
     */
    int sessions() {
        return (users() + 1) / 2;
    }

    BsonDocument session(int index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.SESSION, -1 - index);
        long daysAfterWindow = index % 4 == 3 ? Timeline.HISTORY_DAYS - 1L : Timeline.HISTORY_DAYS + 7L;
        Instant expiration = timeline.windowStart().plusSeconds(daysAfterWindow * 86_400 - r.nextInt(86_400));
        return new BsonDocument("_id", new BsonObjectId(objectId(timeline.windowStart(), r)))
                .append("refreshTokenHash", new BsonString(Hashes.sha256Hex(Text.alnum(r, 40))))
                .append("expiration", date(expiration))
                .append("user", new BsonObjectId(userId(index * 2)))
                .append("__v", new BsonInt32(0));
    }

    long conversations() {
        return scale.conversations();
    }

    ConversationThread thread(long index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.CONVERSATION, index);
        int owner = index == conversations() - 1 || r.nextInt(8) == 0 ? 0 : r.nextInt(users());
        String user = userId(owner).toHexString();
        // The drill account's chats are never temporary: its journey opens the newest of its listed ones.
        boolean temporary = owner != 0 && Seeds.random(seed, Seeds.Stream.TEMPORARY_CHAT, index).nextInt(12) == 0;
        boolean viaAgent = r.nextInt(4) == 0;
        String endpoint = viaAgent ? "agents" : "openAI";
        String model = Text.pick(r, MODELS);
        String conversationId = Text.uuid(r);
        int count = 2 * r.nextInt(1, 9);

        // The thread ends when the timeline says; its messages come before, a few seconds apart.
        Instant end = timeline.at(Seeds.Stream.CONVERSATION, index, conversations());
        long[] offsets = new long[count];
        for (int i = count - 2; i >= 0; i--) {
            offsets[i] = offsets[i + 1] + r.nextLong(5_000, 90_000);
        }
        List<BsonDocument> messages = new ArrayList<>(count);
        List<BsonDocument> transactions = new ArrayList<>(count / 2);
        BsonArray messageRefs = new BsonArray();
        String parent = NO_PARENT;
        for (int i = 0; i < count; i++) {
            Instant at = end.minusMillis(offsets[i]);
            boolean byUser = i % 2 == 0;
            String messageId = Text.uuid(r);
            ObjectId oid = objectId(at, r);
            String text = byUser ? Text.paragraphs(r, r.nextInt(30, 500)) : Text.paragraphs(r, r.nextInt(200, 2_400));
            int tokens = text.length() / 4;
            messages.add(new BsonDocument("_id", new BsonObjectId(oid))
                    .append("messageId", new BsonString(messageId))
                    .append("__v", new BsonInt32(0))
                    .append("conversationId", new BsonString(conversationId))
                    .append("createdAt", date(at))
                    .append("endpoint", new BsonString(endpoint))
                    .append("error", BsonBoolean.FALSE)
                    .append("isCreatedByUser", BsonBoolean.valueOf(byUser))
                    .append("model", byUser ? BsonNull.VALUE : new BsonString(model))
                    .append("parentMessageId", new BsonString(parent))
                    .append("sender", new BsonString(byUser ? "User" : model))
                    .append("text", new BsonString(text))
                    .append("tokenCount", new BsonInt32(tokens))
                    .append("unfinished", BsonBoolean.FALSE)
                    .append("updatedAt", date(at))
                    .append("user", new BsonString(user)));
            if (temporary) {
                // As saveMessage does for a temporary chat: expiredAt = the save + the retention.
                messages.get(i).append("isTemporary", BsonBoolean.TRUE)
                        .append("expiredAt", date(at.plusSeconds(TEMPORARY_CHAT_RETENTION_SECONDS)));
            }
            messageRefs.add(new BsonObjectId(oid));
            if (!byUser) {
                transactions.add(transaction(r, at, user, conversationId, model, tokens));
            }
            parent = messageId;
        }
        Instant start = end.minusMillis(offsets[0]);
        BsonDocument conversation = new BsonDocument("_id", new BsonObjectId(objectId(start, r)))
                .append("conversationId", new BsonString(conversationId))
                .append("user", new BsonString(user))
                .append("__v", new BsonInt32(0))
                .append("createdAt", date(start))
                .append("endpoint", new BsonString(endpoint))
                .append("files", new BsonArray())
                .append("isArchived", BsonBoolean.FALSE)
                .append("messages", messageRefs)
                .append("model", new BsonString(model))
                .append("resendFiles", BsonBoolean.TRUE)
                .append("tags", new BsonArray())
                .append("title", new BsonString(Text.sentence(r, 2, 6)))
                .append("updatedAt", date(end));
        if (viaAgent) {
            conversation.append("agent_id", new BsonString(agentId(r.nextInt(agents()))));
        }
        if (temporary) {
            conversation.append("isTemporary", BsonBoolean.TRUE)
                    .append("expiredAt", date(end.plusSeconds(TEMPORARY_CHAT_RETENTION_SECONDS)));
        }
        return new ConversationThread(conversation, messages, transactions);
    }

    private BsonDocument transaction(SplittableRandom r, Instant at, String user, String conversationId, String model, int tokens) {
        double rate = 0.15 + r.nextInt(10) * 0.5;
        return new BsonDocument("_id", new BsonObjectId(objectId(at, r)))
                .append("user", new BsonObjectId(new ObjectId(user)))
                .append("conversationId", new BsonString(conversationId))
                .append("tokenType", new BsonString("completion"))
                .append("model", new BsonString(model))
                .append("context", new BsonString("message"))
                .append("rawAmount", new BsonInt32(-tokens))
                .append("tokenValue", new BsonDouble(-tokens * rate))
                .append("rate", new BsonDouble(rate))
                .append("createdAt", date(at))
                .append("updatedAt", date(at))
                .append("__v", new BsonInt32(0));
    }

    /** An ObjectId whose embedded time is the document's creation time, as the server would make it. */
    private static ObjectId objectId(Instant created, SplittableRandom r) {
        byte[] b = new byte[12];
        r.nextBytes(b);
        int seconds = (int) created.getEpochSecond();
        b[0] = (byte) (seconds >>> 24);
        b[1] = (byte) (seconds >>> 16);
        b[2] = (byte) (seconds >>> 8);
        b[3] = (byte) seconds;
        return new ObjectId(b);
    }

    private static BsonDateTime date(Instant instant) {
        return new BsonDateTime(Date.from(instant).getTime());
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
