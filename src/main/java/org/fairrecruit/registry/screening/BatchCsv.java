package org.fairrecruit.registry.screening;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The batch CSV formats. Upload: UTF-8, a header row naming {@code ref,name,type} and optionally
 * {@code country,licenceNumber} (any order). Results: one row per query and candidate, and one
 * "no match" row (verdict NONE) for a query without candidates, so the file shows every name was checked.
 */
final class BatchCsv {
    static final List<String> RESULT_COLUMNS = List.of("ref", "name", "type", "country", "licenceNumber", "candidateId",
            "candidateType", "candidateName", "matchedName", "score", "verdict", "explanation", "licenceStatus",
            "blacklisted");
    static final String NO_MATCH = "no match";
    private static final Set<String> REQUIRED = Set.of("ref", "name", "type");
    private static final Set<String> KNOWN = Set.of("ref", "name", "type", "country", "licenceNumber");
    private static final int ERRORS_SHOWN = 1_000;
    private static final CSVFormat UPLOAD = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).build();
    private static final CSVFormat RESULTS = CSVFormat.RFC4180.builder().setHeader(RESULT_COLUMNS.toArray(String[]::new)).build();

    private BatchCsv() {
    }

    /** The queries, or every refusal at once (up to 1,000), each naming its row (the header is row 1) and column. */
    static List<ScreeningQuery> parse(byte[] content, int maxRows) {
        String text = decode(content);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        List<ScreeningQuery> queries = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), UPLOAD)) {
            List<String> header = parser.getHeaderNames();
            errors.require(header.containsAll(REQUIRED), "file", "screening.csv.header")
                    .require(KNOWN.containsAll(header), "file", "screening.csv.unknownColumn", String.join(",", header));
            errors.throwIfAny();
            int shown = 0;
            for (CSVRecord record : parser) {
                if (queries.size() == maxRows) {
                    errors.require(false, "file", "screening.csv.tooManyRows", maxRows);
                    break;
                }
                ScreeningQuery query = new ScreeningQuery(optional(record, "ref"), optional(record, "name"), optional(record, "type"),
                        optional(record, "country"), optional(record, "licenceNumber"));
                InvalidInput.Collector rowErrors = new InvalidInput.Collector();
                query.check(rowErrors, "row[" + (record.getRecordNumber() + 1) + "].");
                try {
                    rowErrors.throwIfAny();
                } catch (InvalidInput invalid) {
                    for (InvalidInput.FieldError error : invalid.errors()) {
                        if (shown++ < ERRORS_SHOWN) {
                            errors.require(false, error.field(), error.messageKey(), error.args());
                        }
                    }
                }
                queries.add(query);
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException | UncheckedIOException broken) {
            errors.require(false, "file", "screening.csv.broken");
        }
        errors.require(!queries.isEmpty(), "file", "screening.csv.empty");
        errors.throwIfAny();
        return queries.stream().map(ScreeningQuery::normalised).toList();
    }

    private static String optional(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
    }

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            // Spreadsheets often save UTF-8 with a byte order mark; it is not part of the first column's name.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("file", "screening.csv.encoding")));
        }
    }

    /**
     * Writes the results file row by row into {@code target}: the header, then for each query its
     * candidates best first, or its "no match" row. Nothing is kept but the printer's buffer.
     */
    static final class ResultsWriter implements Closeable {
        private final CSVPrinter printer;

        ResultsWriter(OutputStream target) {
            try {
                printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8)), RESULTS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(ScreeningQuery q, List<Candidate> candidates) {
            try {
                if (candidates.isEmpty()) {
                    printer.printRecord(q.ref(), q.name(), q.type(), q.country(), q.licenceNumber(), "", "", "", "", "",
                            "NONE", NO_MATCH, "", "");
                }
                for (Candidate c : candidates) {
                    printer.printRecord(q.ref(), q.name(), q.type(), q.country(), q.licenceNumber(), c.id(), c.type(),
                            c.name(), c.matchedName(), c.score(), c.verdict(), c.explanation(), c.licenceStatus(),
                            c.blacklisted());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Everything written so far reaches the target. */
        void flush() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The SHA-256 of a results file, hashed as it is read: a 10,000-name file is never held whole. */
    static String sha256(InputStream file) {
        try (InputStream in = file) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
