package dev.restoredrill.reference.chat;

import java.time.Instant;

/**
 * The columns of a {@code "LiteLLM_VerificationToken"} row that decide whether LiteLLM accepts a key.
 *
 * @param token     sha256 hex of the raw key (the primary key)
 * @param maxBudget null: no budget
 * @param expires   null: never expires
 * @param blocked   null counts as not blocked, as in LiteLLM
 */
record VerificationTokenRow(String token, double spend, Double maxBudget, Instant expires, Boolean blocked) {
}
