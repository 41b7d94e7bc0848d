package org.fairrecruit.registry.reporting;

import java.math.BigDecimal;
import java.util.List;

/**
 * One chart's data, as drawn, tabled and exported: rows (the bars) by series (the stacked parts).
 * A cell whose value is null was withheld (a small public count) and shows only its text.
 */
public record Chart(String id, String title, String xAxis, String yAxis, List<String> series, List<Row> rows,
                    String summary) {

    public record Row(String label, List<Cell> cells) {
        BigDecimal total() {
            return cells.stream().map(Cell::value).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public record Cell(BigDecimal value, String text) {
        public boolean withheld() {
            return value == null;
        }
    }

    /** The chart drawn as SVG, for the page (see {@link SvgChart}). */
    public String svg() {
        return SvgChart.render(this);
    }
}
