package dev.restoredrill.verify;

/**
 * The app journey's steps, in order, with the names the report, the summary and the evidence give them: the
 * runbook's "sign in, pick a recent conversation, issue a chat, confirm everything works".
 */
public enum JourneyStage {
    SIGN_IN("Sign in"),
    LIST_CONVERSATIONS("List recent conversations"),
    OPEN_NEWEST("Open the newest conversation"),
    SEND_CHAT("Send a chat"),
    AWAIT_ANSWER("Wait for the answer"),
    CONFIRM_STORED("Confirm both messages are stored");

    private final String title;

    JourneyStage(String title) {
        this.title = title;
    }

    /** 1 for the first step. */
    public int number() {
        return ordinal() + 1;
    }

    public String title() {
        return title;
    }
}
