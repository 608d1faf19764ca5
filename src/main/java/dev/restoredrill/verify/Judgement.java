package dev.restoredrill.verify;

/** A verdict on a measurement and the sentence that explains it. */
record Judgement(Verdict verdict, String message) {
}
