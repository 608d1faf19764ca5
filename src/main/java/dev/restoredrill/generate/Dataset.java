package dev.restoredrill.generate;

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

    public Dataset(DatasetSpec spec, DrillSecrets credentials) {
        this.spec = spec;
        this.timeline = new Timeline(spec);
        this.credentials = credentials;
        // One pool for every account nobody signs in to: the same hashes, made once.
        BcryptPool passwords = new BcryptPool(spec.seed());
        this.libreChat = new LibreChatData(spec, timeline, credentials, passwords);
        this.liteLlm = new LiteLlmData(spec, timeline, credentials);
        this.langfuse = new LangfuseData(spec, timeline, credentials, passwords);
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
