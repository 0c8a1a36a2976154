package org.ems.web.interfaces.web;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ems.contracts.access.ImportRefused;
import org.ems.contracts.access.Rejected;

/**
 * The console's import of a CSV file, as the API's: the file is checked first (the dry run) and its report shown,
 * every bad row with its field; only a file that passed is imported, all rows at once. A subclass names the kind
 * ({@code devices}, {@code users}: the messages' {@code import.<kind>.*}), its columns and its import.
 */
public abstract class CsvImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What an import (or its dry run) did. */
    protected record Counts(int rows, int created) {}

    private final String kind;
    private final List<String> columns;
    private transient Part file;
    private String checked;
    private int rows;
    private List<ImportRefused.RowError> errors = List.of();

    /**
     * @param kind {@code devices} or {@code users}: the messages' key part
     * @param columns the file's header
     */
    protected CsvImportBacking(String kind, List<String> columns) {
        this.kind = kind;
        this.columns = columns;
    }

    /** Imports (or with {@code dryRun} only checks) the rows of {@code csv}. */
    protected abstract Counts importCsv(String csv, boolean dryRun);

    /** Checks the chosen file without changing anything; its report is shown. */
    public void check() {
        errors = List.of();
        checked = null;
        try {
            String csv = file == null ? "" : new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            rows = importCsv(csv, true).rows();
            checked = csv;
        } catch (ImportRefused refused) {
            errors = refused.rows();
        } catch (Rejected refused) { // not CSV, or another header
            PageMessages.refused(refused, "importForm");
        } catch (IOException unreadable) {
            PageMessages.refused(Rejected.invalid("file", "the file could not be read"), "importForm");
        }
    }

    /** Imports the file the check passed. */
    public void apply() {
        if (checked == null) {
            return;
        }
        try {
            PageMessages.done(
                    "import." + kind + ".done", importCsv(checked, false).created());
        } catch (ImportRefused refused) { // changed since the check (an owner deleted meanwhile)
            errors = refused.rows();
        }
        checked = null;
    }

    public String getHeader() {
        return String.join(",", columns);
    }

    /** The import button's words, with how many it makes. */
    public String getApplyLabel() {
        return PageMessages.text("import." + kind + ".apply", rows);
    }

    public String getKind() {
        return kind;
    }

    public boolean isReady() {
        return checked != null;
    }

    public int getRows() {
        return rows;
    }

    public List<ImportRefused.RowError> getErrors() {
        return errors;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
