package dev.restoredrill.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The mongo backup's conversations as the journey compares them with the app's, each found in one pass over the
 * archive. A pass takes as long as the archive's gunzip (about 15 s for 250 MB on two cores), so the drill may read
 * the conversation it expects the journey to open ahead, while it does other things; the journey then finds it read.
 * A wrong guess costs only time: the journey reads the conversation it did open. Holds at most that one
 * conversation's messages.
 */
public final class BackupConversations {
    private final Path archive;
    private BackupConversation ahead;

    /** @param archive the {@code mongo_<date>.gz} archive that was restored (read, never changed) */
    public BackupConversations(Path archive) {
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /** Reads {@code conversationId}'s messages now, for a later {@link #read} of the same conversation. */
    public synchronized void readAhead(String conversationId) throws IOException {
        ahead = readArchive(conversationId);
    }

    /** The conversation's messages in the backup: those read ahead when it is that conversation, else a new pass. */
    public synchronized BackupConversation read(String conversationId) throws IOException {
        return ahead != null && ahead.conversationId().equals(conversationId) ? ahead : readArchive(conversationId);
    }

    /** How many conversations of {@code userId} the backup holds (a new pass). */
    public long countConversationsOf(String userId) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            return BackupConversation.countConversationsOf(in, userId);
        }
    }

    private BackupConversation readArchive(String conversationId) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            return BackupConversation.read(in, conversationId);
        }
    }
}
