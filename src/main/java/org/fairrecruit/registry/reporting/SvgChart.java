package org.fairrecruit.registry.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Chart} as a horizontal stacked bar chart in SVG: one bar per row, one coloured part
 * per series, value axis with ticks at round numbers, both axis labels, a legend when there is more
 * than one series. Only presentation attributes (no style attribute, no script), so it works under
 * the strict CSP and with JavaScript off; title and summary are the SVG's accessible name and
 * description, and each part carries its own tooltip. Horizontal bars keep long labels (months,
 * agency names) readable on a 360 px phone.
 */
final class SvgChart {
    static final int WIDTH = 480;
    private static final int LABELS = 132;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BAR = 18;
    private static final int GAP = 6;
    private static final int AXIS = 44;
    private static final int LEGEND_ROW = 20;
    private static final int LEGEND_PER_ROW = 2;
    private static final int LABEL_CHARS = 20;
    private static final int TICKS = 4;
    /** Colour-blind-safe (Okabe-Ito), in series order; text on white stays at 4.5:1 or more. */
    static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
            "#000000", "#999999");
    private static final String INK = "#1b1f24";
    private static final String GRID = "#c9d1d9";

    private SvgChart() {
    }

    static String render(Chart chart) {
        int plot = WIDTH - LABELS - RIGHT;
        int barsHeight = Math.max(1, chart.rows().size()) * (BAR + GAP);
        int legendRows = chart.series().size() > 1 ? (chart.series().size() + LEGEND_PER_ROW - 1) / LEGEND_PER_ROW : 0;
        int height = TOP + barsHeight + AXIS + legendRows * LEGEND_ROW;
        BigDecimal max = niceMax(chart.rows().stream().map(Chart.Row::total).reduce(BigDecimal.ZERO, BigDecimal::max));
        StringBuilder svg = new StringBuilder(4096);
        String titleId = chart.id() + "-title";
        String descId = chart.id() + "-desc";
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" aria-labelledby=\"").append(titleId).append(' ')
                .append(descId).append("\" font-family=\"sans-serif\" font-size=\"12\" fill=\"").append(INK).append("\">");
        svg.append("<title id=\"").append(titleId).append("\">").append(escape(chart.title())).append("</title>");
        svg.append("<desc id=\"").append(descId).append("\">").append(escape(chart.summary())).append("</desc>");
        text(svg, 4, 14, "start", chart.yAxis(), true);
        int axisY = TOP + barsHeight;
        for (int i = 0; i <= TICKS; i++) {
            BigDecimal tick = max.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(TICKS), 4, RoundingMode.HALF_UP);
            double x = LABELS + plot * (double) i / TICKS;
            svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(fmt(x))
                    .append("\" y2=\"").append(axisY).append("\" stroke=\"").append(GRID).append("\" stroke-width=\"1\"/>");
            text(svg, x, axisY + 14, "middle", tick.stripTrailingZeros().toPlainString(), false);
        }
        text(svg, LABELS + plot / 2.0, axisY + 32, "middle", chart.xAxis(), true);
        for (int r = 0; r < chart.rows().size(); r++) {
            Chart.Row row = chart.rows().get(r);
            int y = TOP + r * (BAR + GAP);
            text(svg, LABELS - 6, y + BAR - 5, "end", shorten(row.label()), false);
            double x = LABELS;
            for (int s = 0; s < row.cells().size(); s++) {
                Chart.Cell cell = row.cells().get(s);
                if (cell.withheld() || cell.value().signum() <= 0) {
                    continue;
                }
                double width = plot * cell.value().doubleValue() / max.doubleValue();
                svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y).append("\" width=\"").append(fmt(width))
                        .append("\" height=\"").append(BAR).append("\" fill=\"").append(colour(s)).append("\"><title>")
                        .append(escape(row.label() + (chart.series().size() > 1 ? ", " + chart.series().get(s) : "")
                                + ": " + cell.text())).append("</title></rect>");
                x += width;
            }
        }
        svg.append("<line x1=\"").append(LABELS).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(LABELS)
                .append("\" y2=\"").append(axisY).append("\" stroke=\"").append(INK).append("\" stroke-width=\"1\"/>");
        if (legendRows > 0) {
            int legendTop = axisY + AXIS;
            int column = (WIDTH - 8) / LEGEND_PER_ROW;
            for (int s = 0; s < chart.series().size(); s++) {
                int lx = 4 + (s % LEGEND_PER_ROW) * column;
                int ly = legendTop + (s / LEGEND_PER_ROW) * LEGEND_ROW;
                svg.append("<rect x=\"").append(lx).append("\" y=\"").append(ly).append("\" width=\"12\" height=\"12\" fill=\"")
                        .append(colour(s)).append("\"/>");
                text(svg, lx + 18, ly + 10, "start", chart.series().get(s), false);
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The smallest 1, 2 or 5 × 10^k (times the tick count) at or above the largest bar, so ticks fall on round numbers. */
    static BigDecimal niceMax(BigDecimal largest) {
        if (largest.signum() <= 0) {
            return BigDecimal.valueOf(TICKS);
        }
        BigDecimal step = largest.divide(BigDecimal.valueOf(TICKS), 10, RoundingMode.CEILING);
        BigDecimal magnitude = BigDecimal.ONE.movePointRight(step.precision() - step.scale() - 1);
        for (int factor : new int[]{1, 2, 5, 10}) {
            BigDecimal candidate = magnitude.multiply(BigDecimal.valueOf(factor));
            if (candidate.compareTo(step) >= 0) {
                return candidate.multiply(BigDecimal.valueOf(TICKS)).stripTrailingZeros();
            }
        }
        throw new IllegalStateException("unreachable: 10 × magnitude always covers the step");
    }

    static String colour(int series) {
        return PALETTE.get(series % PALETTE.size());
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String content, boolean bold) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"").append(anchor)
                .append(bold ? "\" font-weight=\"bold\">" : "\">").append(escape(content)).append("</text>");
    }

    private static String shorten(String label) {
        return label.codePointCount(0, label.length()) <= LABEL_CHARS ? label
                : label.substring(0, label.offsetByCodePoints(0, LABEL_CHARS - 1)) + "…";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
