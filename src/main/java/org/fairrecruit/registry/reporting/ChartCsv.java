package org.fairrecruit.registry.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A chart's data table as CSV (RFC 4180): the row label, then one column per series; withheld cells as their text. */
final class ChartCsv {
    private ChartCsv() {
    }

    static String of(Chart chart) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(chart.yAxis()));
        header.addAll(chart.series());
        line(csv, header);
        chart.rows().forEach(row -> {
            List<String> cells = new ArrayList<>(List.of(row.label()));
            row.cells().forEach(c -> cells.add(c.withheld() ? c.text() : c.value().toPlainString()));
            line(csv, cells);
        });
        return csv.toString();
    }

    /** Several charts in one file: chart, row, series, value. */
    static String longForm(List<Chart> charts) {
        StringBuilder csv = new StringBuilder();
        line(csv, List.of("chart", "row", "series", "value"));
        charts.forEach(chart -> chart.rows().forEach(row -> {
            for (int s = 0; s < row.cells().size(); s++) {
                Chart.Cell cell = row.cells().get(s);
                line(csv, List.of(chart.id(), row.label(), chart.series().get(s),
                        cell.withheld() ? cell.text() : cell.value().toPlainString()));
            }
        }));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(ChartCsv::quote).collect(Collectors.joining(","))).append("\r\n");
    }

    /** Quotes when needed, and defuses a leading =, +, - or @ so a spreadsheet never runs a cell as a formula. */
    private static String quote(String cell) {
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+") ? "'" + cell : cell;
        return safe.matches(".*[\",\r\n].*") || safe.startsWith(" ") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
