package dev.restoredrill.generate;

import dev.restoredrill.concurrent.DaemonThreads;

/**
 * The reference platform's data, generated item by item from a {@link DatasetSpec} and the drill's
 * credentials: nothing is held in memory beyond the item at hand, so any size streams.
 */
public final class Dataset {
    private final DatasetSpec spec;
    private final Timeline timeline;
    private final DrillSecrets credentials;
    private final LibreChatData libreChat;
    private final LiteLlmData liteLlm;
    private final LangfuseData langfuse;
    private final BcryptPool passwords;

    public Dataset(DatasetSpec spec, DrillSecrets credentials) {
        this.spec = spec;
        this.timeline = new Timeline(spec);
        this.credentials = credentials;
        // One pool for every account nobody signs in to: the same hashes, made once.
        this.passwords = new BcryptPool(spec.seed());
        this.libreChat = new LibreChatData(spec, timeline, credentials, passwords);
        this.liteLlm = new LiteLlmData(spec, timeline, credentials);
        this.langfuse = new LangfuseData(spec, timeline, credentials, passwords);
    }

    /**
     * Starts making the dataset's bcrypt hashes (the shared pool and the API keys: about 45 at tens of milliseconds
     * each) on a daemon thread, so that they are ready, or nearly, when the base rows load; call it before the source
     * stack starts, which mostly waits on its containers. The rows are the same with or without it.
     */
    public Dataset hashAhead() {
        DaemonThreads.start("dataset-hashes", () -> {
            passwords.fill();
            langfuse.makeApiKeysAhead();
        });
        return this;
    }

    public DatasetSpec spec() {
        return spec;
    }

    public DrillSecrets credentials() {
        return credentials;
    }

    Timeline timeline() {
        return timeline;
    }

    LibreChatData libreChat() {
        return libreChat;
    }

    LiteLlmData liteLlm() {
        return liteLlm;
    }

    LangfuseData langfuse() {
        return langfuse;
    }
}
