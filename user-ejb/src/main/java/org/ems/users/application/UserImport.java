package org.ems.users.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ems.contracts.access.ImportRefused;
import org.ems.contracts.access.ImportRefused.RowError;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.users.domain.UserRepository;
import org.ems.users.domain.Usernames;

/**
 * Users many at a time, as rows of the API's CSV ({@link UserRow}). An import only creates: every row is checked
 * first (each field as for one user, a username or address not yet taken, here or by another row) and any error
 * refuses the whole file, listing every bad row; else all are created in this one transaction, each audited, without a
 * password: each gets the link to choose one by mail ({@link UserService#invite}). The export writes the same rows.
 */
@Stateless
public class UserImport {

    /** What an import did: how many rows it read, and how many users it created (none on a dry run). */
    public record Result(int rows, int created) {}

    /** Users read at a time for an export. */
    public static final int EXPORT_PAGE = 500;

    @Inject
    UserService users;

    @Inject
    UserRepository repository;

    @Inject
    Validator validator;

    public Result importRows(List<UserRow> rows, boolean dryRun) {
        List<RowError> errors = new ArrayList<>();
        List<NewUser> requests = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            UserRow cells = rows.get(i);
            NewUser request = new NewUser(
                    strip(cells.username()),
                    null,
                    strip(cells.name()),
                    strip(cells.role()),
                    blankless(cells.timeZone()));
            request.setEmail(blankless(cells.email()));
            for (ConstraintViolation<NewUser> violation : validator.validate(request)) {
                String field = violation.getPropertyPath().toString();
                if (!field.equals("password")) { // imported users get none
                    errors.add(new RowError(row, field, violation.getMessage()));
                }
            }
            if (request.getUsername() != null && !usernames.add(Usernames.normal(request.getUsername()))) {
                errors.add(
                        new RowError(row, "username", "username '" + request.getUsername() + "' is twice in the file"));
            } else if (request.getUsername() != null
                    && repository.byUsername(request.getUsername()).isPresent()) {
                errors.add(new RowError(row, "username", "username '" + request.getUsername() + "' is taken"));
            }
            String email = request.getEmail();
            if (email != null && !addresses.add(email.toLowerCase(Locale.ROOT))) {
                errors.add(new RowError(row, "email", "email " + email + " is twice in the file"));
            } else if (email != null && repository.byEmail(email).isPresent()) {
                errors.add(new RowError(row, "email", "email " + email + " belongs to another account"));
            }
            requests.add(request);
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        if (!dryRun) {
            requests.forEach(users::invite);
        }
        return new Result(rows.size(), dryRun ? 0 : rows.size());
    }

    /** A page of {@link #EXPORT_PAGE} users as rows, in the order they were made. */
    public Page<UserRow> exportPage(int page) {
        return users.page(new UserService.UserQuery(
                        null, "", new PageRequest(page * EXPORT_PAGE, EXPORT_PAGE, "created", false)))
                .map(u -> new UserRow(
                        u.username(), u.name(), u.role(), u.timeZone(), u.email() == null ? "" : u.email()));
    }

    private static String strip(String cell) {
        return cell == null ? null : cell.strip();
    }

    private static String blankless(String cell) {
        return cell == null || cell.isBlank() ? null : cell.strip();
    }
}
