package org.ems.web.interfaces.rest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.ems.contracts.access.ImportRefused;

/**
 * The API's CSV files (imports and exports), one format for all: RFC 4180 (cells with commas, quotes or line breaks
 * quoted), UTF-8, the documented header first, rows ended by a line feed. Parsed and written by Apache Commons CSV.
 */
final class CsvFiles {

    static final String MEDIA_TYPE = "text/csv";

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private CsvFiles() {}

    /**
     * The data rows of {@code body}, each as many cells as {@code columns}: a header other than {@code columns} is a
     * 400; a row of another length is one of the file's row errors (422), all listed at once.
     */
    static List<List<String>> rows(String body, List<String> columns) {
        List<List<String>> rows = new ArrayList<>();
        List<ImportRefused.RowError> errors = new ArrayList<>();
        try (Reader reader = new StringReader(body == null ? "" : body.replace("\uFEFF", ""))) {
            boolean header = true;
            for (CSVRecord record : FORMAT.parse(reader)) {
                List<String> cells = record.toList();
                if (header) {
                    if (!cells.stream().map(String::strip).toList().equals(columns)) {
                        throw Problem.badRequest("the first line must be the header " + String.join(",", columns));
                    }
                    header = false;
                } else if (cells.size() != columns.size()) {
                    errors.add(new ImportRefused.RowError(
                            rows.size() + 1, "", "a row must have " + columns.size() + " cells, not " + cells.size()));
                    rows.add(List.of());
                } else {
                    rows.add(cells);
                }
            }
            if (header) {
                throw Problem.badRequest("the first line must be the header " + String.join(",", columns));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            throw Problem.badRequest("not CSV: " + malformed.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        return rows;
    }

    /** A printer of rows to {@code out}, the header already written. */
    static CSVPrinter printer(Writer out, List<String> columns) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(columns);
        return printer;
    }
}
