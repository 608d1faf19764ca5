package dev.restoredrill.evidence;

/** An earlier drill's evidence as its report folder keeps it. @param folder e.g. {@code 2026-Q3} */
public record PastDrill(String folder, DrillEvidence evidence) {
}
