package org.ems.web.infrastructure.csv;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.ems.contracts.access.ImportRefused;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.paging.Page;

/**
 * The API's CSV files (imports and exports), one format for all: RFC 4180 (cells with commas, quotes or line breaks
 * quoted), UTF-8, the documented header first, rows ended by a line feed. Parsed and written by Apache Commons CSV.
 */
public final class CsvFiles {

    public static final String MEDIA_TYPE = "text/csv";

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private CsvFiles() {}

    /**
     * The data rows of {@code body}, each as many cells as {@code columns}: no CSV, or a header other than
     * {@code columns}, is {@link Rejected} (400); a row of another length is one of the file's row errors (422), all listed at once.
     */
    public static List<List<String>> rows(String body, List<String> columns) {
        List<List<String>> rows = new ArrayList<>();
        List<ImportRefused.RowError> errors = new ArrayList<>();
        try (Reader reader = new StringReader(body == null ? "" : body.replace("\uFEFF", ""))) {
            boolean header = true;
            for (CSVRecord record : FORMAT.parse(reader)) {
                List<String> cells = record.toList();
                if (header) {
                    if (!cells.stream().map(String::strip).toList().equals(columns)) {
                        throw badHeader(columns);
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
                throw badHeader(columns);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            throw Rejected.invalid("file", "not CSV: " + malformed.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        return rows;
    }

    private static Rejected badHeader(List<String> columns) {
        return Rejected.invalid("file", "the first line must be the header " + String.join(",", columns));
    }

    /** A printer of rows in this format to {@code out}, the header written. */
    public static CSVPrinter printer(Appendable out, List<String> columns) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(columns);
        return printer;
    }

    /**
     * A download of a whole list as CSV, streamed: the header, then the rows of each page ({@code pageSize} items,
     * from page 0) until the pages have covered the list's total.
     */
    public static <T> Response download(
            String filename,
            List<String> columns,
            int pageSize,
            IntFunction<Page<T>> page,
            Function<T, List<String>> cells) {
        StreamingOutput rows = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CSVPrinter printer = printer(writer, columns);
            for (int number = 0; ; number++) {
                Page<T> found = page.apply(number);
                for (T item : found.items()) {
                    printer.printRecord(cells.apply(item));
                }
                if ((number + 1L) * pageSize >= found.total()) {
                    break;
                }
            }
            printer.flush();
        };
        return Response.ok(rows, MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
