package dev.restoredrill.evidence;

import org.slf4j.LoggerFactory;

/** Hears one line per phase of writing a report (what, sizes, times). */
@FunctionalInterface
public interface ReportListener {
    void phase(String line);

    static ReportListener logging() {
        org.slf4j.Logger log = LoggerFactory.getLogger(ReportWriter.class);
        return line -> log.info("[evidence] {}", line);
    }
}
