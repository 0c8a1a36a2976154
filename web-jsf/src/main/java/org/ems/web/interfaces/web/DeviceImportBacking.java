package org.ems.web.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ems.devices.application.DeviceImport;
import org.ems.devices.application.DeviceRow;
import org.ems.web.infrastructure.csv.CsvFiles;

/** The console's import of devices from a CSV file (the devices page's dialog). */
@Named
@ViewScoped
public class DeviceImportBacking extends CsvImportBacking {

    private static final long serialVersionUID = 1L;

    @Inject
    DeviceImport imports;

    public DeviceImportBacking() {
        super("devices", DeviceRow.COLUMNS);
    }

    @Override
    protected Counts importCsv(String csv, boolean dryRun) {
        DeviceImport.Result done = imports.importRows(
                CsvFiles.rows(csv, DeviceRow.COLUMNS).stream()
                        .map(DeviceRow::of)
                        .toList(),
                dryRun);
        return new Counts(done.rows(), done.created());
    }
}
