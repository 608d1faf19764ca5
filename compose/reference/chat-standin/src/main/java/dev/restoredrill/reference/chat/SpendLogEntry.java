package dev.restoredrill.reference.chat;

import java.time.Instant;

/** One {@code "LiteLLM_SpendLogs"} row, as LiteLLM writes it after a successful call. */
record SpendLogEntry(String requestId, GatewayKey key, Completion completion, Instant startTime, Instant endTime,
                     String model, String user) {
}
