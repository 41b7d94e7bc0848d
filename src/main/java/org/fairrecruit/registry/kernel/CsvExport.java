package org.fairrecruit.registry.kernel;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A list as a CSV download: every text cell neutralised against formula injection. */
public final class CsvExport {
    public static final MediaType TEXT_CSV = new MediaType("text/csv; charset=utf-8");

    private CsvExport() {
    }

    /**
     * A cell a spreadsheet would read as a formula (starting with = + - @, tab or carriage return)
     * gets a leading apostrophe, as OWASP advises: spreadsheets show it as text and hide the apostrophe.
     */
    private static String neutralised(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    public static void row(CSVPrinter printer, Object... cells) throws IOException {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cells[i] instanceof String text ? neutralised(text) : cells[i];
        }
        printer.printRecord(safe);
    }

    /** {@code rows} as an attachment named {@code fileName}, under {@code header}. */
    public static HttpResponse<byte[]> download(String fileName, List<String> header, List<List<?>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (List<?> cells : rows) {
                row(printer, cells.toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(bytes.toByteArray()).contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }
}
