package dev.restoredrill.evidence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The trend as two inline SVG line charts (RPO achieved, RTO measured; one line per store, one point per drill):
 * no script, no external file, so it shows the same in the Allure report's attachment, in summary.html and in
 * evidence.pdf.
 */
public final class TrendChart {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 60;
    private static final int RIGHT = 150;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private TrendChart() {}

    /** A whole page (the attachment in the Allure report). */
    public static String page(List<TrendPoint> trend) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Restore drill trend</title></head>"
                + "<body style=\"font-family:sans-serif\"><h2>RPO achieved and RTO measured per store, by drill</h2>"
                + svg(trend) + "</body></html>\n";
    }

    /** Both charts, to embed in a page. */
    public static String svg(List<TrendPoint> trend) {
        return chart("RPO achieved (backup age)", trend, TrendPoint.StorePoint::rpoAge)
                + chart("RTO measured (restore time)", trend, TrendPoint.StorePoint::rto);
    }

    private static String chart(String title, List<TrendPoint> trend, Function<TrendPoint.StorePoint, Duration> value) {
        Set<String> stores = new LinkedHashSet<>();
        trend.forEach(p -> p.stores().forEach(s -> stores.add(s.store())));
        long maxSeconds = 1;
        for (TrendPoint p : trend) {
            for (TrendPoint.StorePoint s : p.stores()) {
                Duration d = value.apply(s);
                if (d != null) {
                    maxSeconds = Math.max(maxSeconds, d.getSeconds());
                }
            }
        }
        boolean hours = maxSeconds >= 2 * 3600;
        double unit = hours ? 3600.0 : 60.0;
        String unitName = hours ? "h" : "min";
        double max = Math.max(Math.ceil(maxSeconds / unit), 1);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"18\" font-size=\"14\" font-weight=\"bold\">")
                .append(escape(title)).append(", ").append(unitName).append("</text>");
        svg.append(line(LEFT, TOP, LEFT, TOP + plotH)).append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s"
                    + "</text>", LEFT - 4, y + 3, number(max * i / 4)));
        }
        int n = trend.size();
        for (int i = 0; i < n; i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">"
                    + "%s</text>", x(i, n, plotW), TOP + plotH + 14, escape(trend.get(i).drill()
                    + (trend.get(i).demo() ? " (demo)" : ""))));
        }
        int colour = 0;
        for (String store : stores) {
            String c = COLOURS[colour % COLOURS.length];
            List<String> points = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Duration d = trend.get(i).stores().stream().filter(s -> s.store().equals(store)).findFirst()
                        .map(value).orElse(null);
                if (d != null) {
                    double y = TOP + plotH - plotH * (d.getSeconds() / unit) / max;
                    points.add(String.format(Locale.ROOT, "%.1f,%.1f", x(i, n, plotW), y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>",
                            x(i, n, plotW), y, c));
                }
            }
            if (points.size() > 1) {
                svg.append("<polyline fill=\"none\" stroke=\"").append(c).append("\" stroke-width=\"2\" points=\"")
                        .append(String.join(" ", points)).append("\"/>");
            }
            int ly = TOP + 12 + 16 * colour;
            svg.append("<rect x=\"").append(WIDTH - RIGHT + 12).append("\" y=\"").append(ly - 9)
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(c).append("\"/>");
            svg.append("<text x=\"").append(WIDTH - RIGHT + 27).append("\" y=\"").append(ly)
                    .append("\" font-size=\"11\">").append(escape(store)).append("</text>");
            colour++;
        }
        return svg.append("</svg>").toString();
    }

    private static double x(int i, int n, int plotW) {
        return LEFT + (n == 1 ? plotW / 2.0 : 20 + (plotW - 40) * i / (double) (n - 1));
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"#444\"/>";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
