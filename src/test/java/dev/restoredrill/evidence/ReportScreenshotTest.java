package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReportScreenshotTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(ReportScreenshot.CHROMIUM_PROPERTY);
    }

    @Test
    void aMissingChromiumIsAnErrorThatSaysHowToInstallIt() {
        System.setProperty(ReportScreenshot.CHROMIUM_PROPERTY, "/nonexistent/chromium");

        assertThatThrownBy(ReportScreenshot::locate).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("Chromium not found (drill.chromium=/nonexistent/chromium is not executable)")
                .hasMessageContaining("bash scripts/install-chromium.sh");
    }

    @Test
    void readsTheTestsAndStatusesOfATreeViewAndIgnoresScripts() {
        RenderedReport page = RenderedReport.of("suites", """
                <html><script>var fake = '<a class="node node__leaf"><div class="node__name">ghost</div></a>';</script>
                <div class="node__name">Quarterly drill</div>
                <a class="node node__leaf" href="#suites/1/2/"><div class="node__title">
                  <div class="node__anchor"><span class="fa text_status_failed fa-lg"></span></div>
                  <div class="node__name">
                      postgres &amp; RPO
                  </div></div></a>
                <a class="node node__leaf" href="#suites/1/3/"><div class="node__title">
                  <span class="fa text_status_passed"></span><div class="node__name">mongodb restore</div></div></a>
                </html>""");

        assertThat(page.tests()).containsExactly(new RenderedTest("postgres & RPO", "failed"),
                new RenderedTest("mongodb restore", "passed"));
        assertThat(page.text()).isEqualTo("Quarterly drill postgres & RPO mongodb restore");
    }
}
