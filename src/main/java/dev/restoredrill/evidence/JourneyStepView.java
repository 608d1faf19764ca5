package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Verdict;
/** One step of the app journey (sign in, list conversations, open, chat, answer stored). */
public record JourneyStepView(int number, String name, Verdict verdict, String message) {
}
