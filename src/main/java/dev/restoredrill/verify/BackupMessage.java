package dev.restoredrill.verify;

/** A chat message as the backup holds it: the fields the journey compares with the restored app. */
public record BackupMessage(String messageId, String text) {
}
