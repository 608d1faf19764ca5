package dev.restoredrill.evidence;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * summary.html: summary.md as a printable page (what evidence.pdf is printed from), with the trend charts. Reads
 * only the Markdown {@link SummaryWriter} writes: headings, quotes, tables, numbered and dashed lists, bold, code.
 */
public final class SummaryHtml {
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final String STYLE = "body{font-family:sans-serif;font-size:11px;margin:18px}"
            + "table{border-collapse:collapse;margin:6px 0 12px}td,th{border:1px solid #999;padding:2px 5px;"
            + "text-align:left;vertical-align:top}th{background:#eee}blockquote{border-left:4px solid #c00;"
            + "margin:8px 0;padding:4px 10px;background:#fee}"
            + "blockquote.red{color:#c00;font-size:14px}h1{font-size:20px}h2{font-size:15px;margin-top:18px}"
            + "svg{display:block;margin:6px 0}td.word{white-space:nowrap}@page{size:A4 landscape;margin:10mm}";

    private SummaryHtml() {}

    public static String render(String markdown, String title, List<TrendPoint> trend) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(TrendChart.escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        String[] lines = markdown.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.startsWith("| ")) {
                i = table(lines, i, html);
                continue;
            }
            if (line.startsWith("# ")) {
                html.append("<h1>").append(inline(line.substring(2))).append("</h1>\n");
            } else if (line.startsWith("## ")) {
                html.append("<h2>").append(inline(line.substring(3))).append("</h2>\n");
                if (line.startsWith("## Trend") && trend.size() > 0) {
                    html.append(TrendChart.svg(trend)).append('\n');
                }
            } else if (line.startsWith(SummaryWriter.RED_LINE)) {
                html.append("<blockquote class=\"red\">").append(inline(line.substring(SummaryWriter.RED_LINE.length())))
                        .append("</blockquote>\n");
            } else if (line.startsWith("> ")) {
                html.append("<blockquote>").append(inline(line.substring(2))).append("</blockquote>\n");
            } else if (line.matches("\\d+\\. .*") || line.startsWith("- ")) {
                html.append("<div>").append(inline(line)).append("</div>\n");
            } else if (!line.isBlank()) {
                html.append("<p>").append(inline(line)).append("</p>\n");
            }
            i++;
        }
        return html.append("</body></html>\n").toString();
    }

    private static int table(String[] lines, int start, StringBuilder html) {
        html.append("<table>\n");
        int i = start;
        boolean header = true;
        while (i < lines.length && lines[i].startsWith("|")) {
            String line = lines[i];
            if (line.matches("\\|(-+\\|)+")) {
                i++;
                continue;
            }
            String tag = header ? "th" : "td";
            if (header && cells(line).stream().allMatch(String::isEmpty)) {
                header = false; // a key/value table's blank heading row: not drawn
                i++;
                continue;
            }
            html.append("<tr>");
            for (String cell : cells(line)) {
                // A file name or key is one word: never broken across lines (at its dashes).
                String open = !header && !cell.isEmpty() && cell.length() <= 60 && !cell.contains(" ")
                        ? "<td class=\"word\">" : "<" + tag + ">";
                html.append(open).append(inline(cell)).append("</").append(tag).append('>');
            }
            html.append("</tr>\n");
            header = false;
            i++;
        }
        html.append("</table>\n");
        return i;
    }

    /** The cells of a table row; {@code \|} is a pipe inside a cell. */
    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && !inner.endsWith("\\|") ? inner.length() - 1 : inner.length());
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                cell.append(inner.charAt(++i));
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    private static String inline(String text) {
        String html = TrendChart.escape(text);
        html = BOLD.matcher(html).replaceAll(m -> "<b>" + Matcher.quoteReplacement(m.group(1)) + "</b>");
        return CODE.matcher(html).replaceAll(m -> "<code>" + Matcher.quoteReplacement(m.group(1)) + "</code>");
    }
}
