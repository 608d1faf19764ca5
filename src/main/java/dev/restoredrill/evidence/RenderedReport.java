package dev.restoredrill.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's DOM after Chromium ran its scripts: what a person sees, scripts and styles left out.
 *
 * @param hash the view, e.g. "suites" or "" for the overview
 */
public record RenderedReport(String hash, String visibleHtml) {
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style)\\b.*?</\\1>");
    private static final Pattern LEAF = Pattern.compile("(?s)<a class=\"node node__leaf\".*?</a>");
    private static final Pattern STATUS = Pattern.compile("text_status_(\\w+)");
    private static final Pattern NAME = Pattern.compile("(?s)<div class=\"node__name\">\\s*(.*?)\\s*</div>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    static RenderedReport of(String hash, String dom) {
        return new RenderedReport(hash, HIDDEN.matcher(dom).replaceAll(""));
    }

    /** The tests listed in a tree view (#suites, #behaviors, #categories), in page order. */
    public List<RenderedTest> tests() {
        List<RenderedTest> tests = new ArrayList<>();
        Matcher leaf = LEAF.matcher(visibleHtml);
        while (leaf.find()) {
            Matcher status = STATUS.matcher(leaf.group());
            Matcher name = NAME.matcher(leaf.group());
            if (name.find()) {
                tests.add(new RenderedTest(unescape(name.group(1)), status.find() ? status.group(1) : "unknown"));
            }
        }
        return tests;
    }

    /** The page's text without tags, whitespace collapsed: what a reader's eye meets. */
    public String text() {
        return unescape(TAG.matcher(visibleHtml).replaceAll(" ")).replaceAll("\\s+", " ").strip();
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
