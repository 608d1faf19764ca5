package dev.restoredrill.verify;

/**
 * One HTTP request and its response as the evidence keeps them: already masked (see {@link Secrets}), bodies
 * possibly shortened.
 */
public record HttpExchange(String method, String url, int status, String requestBody, String responseBody) {
}
