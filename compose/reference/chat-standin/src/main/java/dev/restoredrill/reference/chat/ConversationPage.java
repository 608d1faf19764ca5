package dev.restoredrill.reference.chat;

import org.bson.Document;

import java.util.List;

/** One page of a user's conversations, newest first, and the cursor of the next page (null: no more). */
record ConversationPage(List<Document> conversations, ConvoCursor next) {
}
