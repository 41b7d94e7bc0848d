package org.fairrecruit.registry.reporting;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SVG writer: well-formed, accessible, CSP-safe, bars to scale, withheld cells undrawn. */
class SvgChartTest {
    private static final Chart CHART = new Chart("c1", "Fees <by> \"agency\"", "Amount (NPR)", "Agency",
            List.of("Paid", "Refunded"), List.of(
                    new Chart.Row("A & Sons Manpower International Private Limited", List.of(cell("30"), cell("10"))),
                    new Chart.Row("B", List.of(cell("20"), new Chart.Cell(null, "fewer than 5")))),
            "40 in total. Largest: A (40).");

    @Test
    void a_chart_is_well_formed_svg_named_by_its_title_and_described_by_its_summary() throws Exception {
        Document svg = parse(SvgChart.render(CHART));
        Element root = svg.getDocumentElement();

        assertEquals("img", root.getAttribute("role"));
        assertEquals("c1-title c1-desc", root.getAttribute("aria-labelledby"));
        assertEquals("Fees <by> \"agency\"", byId(svg, "title", "c1-title").getTextContent());
        assertEquals("40 in total. Largest: A (40).", byId(svg, "desc", "c1-desc").getTextContent());
        List<String> texts = texts(svg);
        assertTrue(texts.containsAll(List.of("Amount (NPR)", "Agency", "Paid", "Refunded", "B")), texts.toString());
        assertTrue(texts.contains("A & Sons Manpower I…"), "long labels are shortened in the drawing only");
    }

    @Test
    void no_style_attribute_and_no_script_so_the_strict_csp_allows_it() {
        String svg = SvgChart.render(CHART);

        assertFalse(svg.contains("style="));
        assertFalse(svg.contains("<style"));
        assertFalse(svg.contains("<script"));
        assertFalse(svg.matches("(?s).*\\son[a-z]+=.*"), "no event handler attributes");
    }

    @Test
    void bars_are_drawn_to_scale_and_a_withheld_cell_draws_nothing() throws Exception {
        NodeList rects = parse(SvgChart.render(CHART)).getElementsByTagName("rect");
        List<Double> bars = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getElementsByTagName("title").getLength() > 0) {
                bars.add(Double.parseDouble(rect.getAttribute("width")));
            }
        }
        // largest bar 40 -> axis to 40 (ticks of 10); plot width 332 px
        assertEquals(List.of(249.0, 83.0, 166.0), bars);
    }

    @Test
    void the_value_axis_ends_on_a_round_number() {
        assertEquals("40", SvgChart.niceMax(new BigDecimal("40")).toPlainString());
        assertEquals("80", SvgChart.niceMax(new BigDecimal("41")).toPlainString());
        assertEquals("20000", SvgChart.niceMax(new BigDecimal("20000")).toPlainString());
        assertEquals("2", SvgChart.niceMax(new BigDecimal("1.1")).toPlainString());
        assertEquals("4", SvgChart.niceMax(BigDecimal.ZERO).toPlainString());
    }

    private static Chart.Cell cell(String value) {
        return new Chart.Cell(new BigDecimal(value), value);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document svg, String tag, String id) {
        NodeList nodes = svg.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (id.equals(((Element) nodes.item(i)).getAttribute("id"))) {
                return (Element) nodes.item(i);
            }
        }
        throw new AssertionError("no " + tag + " with id " + id);
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
