package org.ems.web.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ems.contracts.access.Rejected;
import org.ems.users.application.NewUser;
import org.ems.users.application.UserChange;
import org.ems.users.application.UserService;
import org.ems.users.application.UserView;
import org.ems.web.infrastructure.security.SignedIn;
import org.primefaces.PrimeFaces;

/**
 * The console's users page: the accounts, paged, sorted and searched in the database; creating, editing, resetting
 * a password and deleting in dialogs, with the service's rules and words next to each field.
 */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserService users;

    @Inject
    SignedIn signedIn;

    private String search = "";
    private String role = "";
    private NewUser newUser = new NewUser();
    private UserChange change = new UserChange();
    private UserView selected;

    private final PagedModel<UserView> model = new PagedModel<>(
            request -> users.page(new UserService.UserQuery(search, role, request)),
            user -> user.id().toString());

    public void startCreating() {
        newUser = new NewUser();
        newUser.setRole("CLIENT");
    }

    public void create() {
        try {
            UserView created = users.create(newUser);
            PageMessages.done("users.created", created.username());
            PrimeFaces.current().executeScript("PF('newUser').hide()");
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, "newUserForm");
        }
    }

    public void startEditing(UserView user) {
        selected = user;
        change = new UserChange(user.name(), user.role(), user.timeZone(), null);
        change.setEmail(user.email() == null ? "" : user.email()); // a cleared field removes it
    }

    public void startResetting(UserView user) {
        startEditing(user);
        change.setPassword("");
    }

    public void save() {
        try {
            UserView saved = users.update(selected.id(), change, signedIn.sessionId());
            PageMessages.done(change.getPassword() == null ? "users.saved" : "users.passwordReset", saved.username());
            PrimeFaces.current().executeScript("PF('editUser').hide();PF('resetPassword').hide()");
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, change.getPassword() == null ? "editUserForm" : "resetPasswordForm");
        }
    }

    public void delete(UserView user) {
        try {
            users.delete(user.id());
            PageMessages.done("users.deleted", user.username());
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, "usersForm");
        }
    }

    /** Erases the user: deleted, and their name taken out of the audit log and the chat. */
    public void erase(UserView user) {
        try {
            PageMessages.done("users.erased", user.username(), users.erase(user.id()));
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, "usersForm");
        }
    }

    public PagedModel<UserView> getModel() {
        return model;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public NewUser getNewUser() {
        return newUser;
    }

    public UserChange getChange() {
        return change;
    }

    public UserView getSelected() {
        return selected;
    }
}
