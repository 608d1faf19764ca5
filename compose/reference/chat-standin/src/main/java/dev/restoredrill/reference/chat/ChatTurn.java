package dev.restoredrill.reference.chat;

import org.bson.Document;

import java.time.Instant;

/** What one chat adds to LibreChat's store: the user's message and the answer, in one conversation. */
record ChatTurn(String userId, String conversationId, String endpoint, String model,
                Document requestMessage, Document responseMessage, Instant at) {

    /** Who wrote a message: LibreChat marks the user's with {@code isCreatedByUser} and sender "User". */
    enum Author { USER, MODEL }
}
