package org.ems.web.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ems.users.application.UserImport;
import org.ems.users.application.UserRow;
import org.ems.web.infrastructure.csv.CsvFiles;

/** The console's import of users from a CSV file (the users page's dialog). */
@Named
@ViewScoped
public class UserImportBacking extends CsvImportBacking {

    private static final long serialVersionUID = 1L;

    @Inject
    UserImport imports;

    public UserImportBacking() {
        super("users", UserRow.COLUMNS);
    }

    @Override
    protected Counts importCsv(String csv, boolean dryRun) {
        UserImport.Result done = imports.importRows(
                CsvFiles.rows(csv, UserRow.COLUMNS).stream().map(UserRow::of).toList(), dryRun);
        return new Counts(done.rows(), done.created());
    }
}
