package org.ems.web.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ems.contracts.access.ImportRefused;
import org.ems.contracts.access.Rejected;
import org.ems.devices.application.DeviceImport;
import org.ems.devices.application.DeviceRow;
import org.ems.web.infrastructure.csv.CsvFiles;

/**
 * The console's import of devices from a CSV file, as the API's: the file is checked first (the dry run) and its
 * report shown, every bad row with its field; only a file that passed is imported, all rows at once.
 */
@Named
@ViewScoped
public class DeviceImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeviceImport imports;

    private transient Part file;
    private String checked;
    private int rows;
    private List<ImportRefused.RowError> errors = List.of();

    /** Checks the chosen file without changing anything; its report is shown. */
    public void check() {
        errors = List.of();
        checked = null;
        try {
            String csv = file == null ? "" : new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            rows = imports.importRows(parse(csv), true).rows();
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
            int created = imports.importRows(parse(checked), false).created();
            PageMessages.done("import.done", created);
        } catch (ImportRefused refused) { // changed since the check (an owner deleted meanwhile)
            errors = refused.rows();
        }
        checked = null;
    }

    private static List<DeviceRow> parse(String csv) {
        return CsvFiles.rows(csv, DeviceRow.COLUMNS).stream().map(DeviceRow::of).toList();
    }

    public String getHeader() {
        return String.join(",", DeviceRow.COLUMNS);
    }

    /** The import button's words, with how many devices it makes. */
    public String getApplyLabel() {
        return PageMessages.text("import.apply", rows);
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
