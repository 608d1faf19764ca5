package dev.restoredrill.verify;

import dev.restoredrill.outcome.Verdict;
/** A verdict on a measurement and the sentence that explains it. */
record Judgement(Verdict verdict, String message) {
}
