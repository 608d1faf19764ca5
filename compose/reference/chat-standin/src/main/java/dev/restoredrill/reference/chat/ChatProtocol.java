package dev.restoredrill.reference.chat;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a chat's answer reaches the client, as the LibreChat releases the drill meets do it. */
enum ChatProtocol {
    /** Current LibreChat: the POST answers {@code {streamId, status: "started"}}, the events come on a GET. */
    TWO_PHASE("two-phase"),
    /** Older LibreChat (before resumable streams): the POST itself answers with the event stream. */
    ONE_PHASE("one-phase");

    private final String setting;

    ChatProtocol(String setting) {
        this.setting = setting;
    }

    String setting() {
        return setting;
    }

    static ChatProtocol fromSetting(String value) {
        for (ChatProtocol protocol : values()) {
            if (protocol.setting.equals(value)) {
                return protocol;
            }
        }
        throw new StandInException("CHAT_PROTOCOL must be one of "
                + Arrays.stream(values()).map(ChatProtocol::setting).collect(Collectors.joining(", "))
                + "; found '" + value + "'. Unset it for the current protocol (two-phase).");
    }
}
