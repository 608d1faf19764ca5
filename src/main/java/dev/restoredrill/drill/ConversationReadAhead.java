package dev.restoredrill.drill;

import dev.restoredrill.concurrent.DaemonThreads;
import dev.restoredrill.outcome.SecretMasker;
import dev.restoredrill.verify.BackupConversations;
import dev.restoredrill.verify.NewestConversation;
import dev.restoredrill.verify.StoreConnections;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journey's one slow read, done ahead. Its third step compares the conversation the app opens with the mongo
 * backup, a pass over the whole archive (about 15 s for 250 MB on two cores). When the drill does several things at
 * once it starts that pass on a thread of its own as soon as the stores are restored, for the conversation the
 * restored MongoDB holds as the drill account's newest, so it runs while the platform starts and the stores are
 * examined. The journey waits for it; a wrong or failed guess costs only time, as the journey then reads the
 * conversation it opened.
 */
final class ConversationReadAhead {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationReadAhead.class);

    private final BackupConversations conversations;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private ConversationReadAhead(Path archive) {
        this.conversations = new BackupConversations(archive);
    }

    /** Nothing read ahead: the journey reads the archive itself, as by hand. */
    static ConversationReadAhead none(Path archive) {
        ConversationReadAhead none = new ConversationReadAhead(archive);
        none.done.complete(null);
        return none;
    }

    /** Starts reading {@code archive} for the newest conversation of the account {@code email} names. */
    static ConversationReadAhead start(Path archive, StoreConnections stores, Supplier<String> email) {
        ConversationReadAhead ahead = new ConversationReadAhead(archive);
        DaemonThreads.start("conversation-read-ahead", () -> {
            try {
                ahead.read(stores, email);
            } finally {
                ahead.done.complete(null);
            }
        });
        return ahead;
    }

    private void read(StoreConnections stores, Supplier<String> email) {
        try {
            Optional<String> newest = NewestConversation.of(stores, email.get());
            if (newest.isEmpty()) {
                LOG.info("journey: the restored MongoDB holds no conversation of the drill account; nothing read "
                        + "ahead");
                return;
            }
            long started = System.nanoTime();
            conversations.readAhead(newest.get());
            LOG.info("journey: conversation {} of the mongo backup read ahead in {} ms", newest.get(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.info("journey: nothing read ahead ({}); the journey reads the conversation it opens",
                    SecretMasker.of(stores.secrets()).mask(String.valueOf(e.getMessage())));
        }
    }

    /** The backup's conversations, once the read ahead (if any) is over. */
    BackupConversations conversations() {
        done.join();
        return conversations;
    }
}
