/**
 * The drill's evidence: {@link dev.restoredrill.evidence.ReportWriter} writes a report folder per drill
 * ({@link dev.restoredrill.evidence.ReportFolders}: {@code reports/<YYYY>-Q<n>/}) with the Allure report as one
 * file, the raw results, {@code evidence.json} ({@link dev.restoredrill.evidence.EvidenceJson}, fields in
 * EVIDENCE.md) and {@code summary.md} ({@link dev.restoredrill.evidence.SummaryWriter}), every text masked.
 */
package dev.restoredrill.evidence;
