package org.fairrecruit.registry.screening;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;

/**
 * The results CSV of a finished batch, read from the database a page of rows at a time as the file is
 * read: the download and the results hash take the same bytes, and neither holds more than one page
 * (a 10,000-name file is about 25 MB). The rows of a finished batch no longer change, so the pages,
 * each read in its own statement, make one consistent file.
 */
final class BatchResultsFile extends InputStream {
    static final int PAGE_ROWS = 500;
    private final ScreeningBatches batches;
    private final long batchId;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(PAGE_ROWS * 2_000);
    private final BatchCsv.ResultsWriter writer = new BatchCsv.ResultsWriter(buffer);
    private byte[] page = new byte[0];
    private int position;
    private int lastRow;
    private boolean written;

    BatchResultsFile(ScreeningBatches batches, long batchId) {
        this.batches = batches;
        this.batchId = batchId;
    }

    @Override
    public int read() {
        return unread() == 0 ? -1 : page[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int count = Math.min(length, unread());
        if (count == 0) {
            return -1;
        }
        System.arraycopy(page, position, target, offset, count);
        position += count;
        return count;
    }

    /** Bytes buffered and not yet read, without reading from the database. */
    @Override
    public int available() {
        return page.length - position;
    }

    /** The bytes of the current page not yet read, the next page read when it is used up; 0 only at the end. */
    private int unread() {
        while (position == page.length && !written) {
            List<ScreeningBatches.Answered> rows = batches.page(batchId, lastRow, PAGE_ROWS);
            if (rows.isEmpty()) {
                writer.close();
                written = true;
            } else {
                rows.forEach(row -> writer.write(row.query(), row.candidates()));
                lastRow = rows.get(rows.size() - 1).rowNo();
                writer.flush();
            }
            page = buffer.toByteArray();
            buffer.reset();
            position = 0;
        }
        return page.length - position;
    }

    @Override
    public void close() {
        written = true;
        page = new byte[0];
        position = 0;
    }
}
