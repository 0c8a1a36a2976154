package org.ems.contracts.access;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * An import refused as a whole: each bad row, its field and what is wrong, so that the file can be fixed in one go;
 * nothing of it was applied (the transaction rolls back). The web layer answers it 422 listing the rows.
 */
@ApplicationException(rollback = true)
public class ImportRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with one field of one row ({@code row} counts data rows from 1, the header not counted). */
    public record RowError(int row, String field, String message) implements java.io.Serializable {}

    private final List<RowError> rows;

    public ImportRefused(List<RowError> rows) {
        super(rows.size() + " row error(s), the first: row " + rows.get(0).row() + ": "
                + rows.get(0).message());
        this.rows = List.copyOf(rows);
    }

    public List<RowError> rows() {
        return rows;
    }
}
