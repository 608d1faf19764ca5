package dev.restoredrill.evidence;

/** One step of the app journey (sign in, list conversations, open, chat, answer stored). */
public record JourneyStepView(int number, String name, String verdict, String message) {
}
