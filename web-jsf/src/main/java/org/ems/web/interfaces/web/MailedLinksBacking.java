package org.ems.web.interfaces.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.users.application.EmailAddresses;
import org.ems.users.application.Notifications;
import org.ems.users.application.PasswordResets;
import org.ems.web.infrastructure.security.ClientAddresses;

/**
 * The pages of mailed links, open to anyone: "Forgot your password?" (ask for a link; then, with the link's
 * {@code code}, a new password), the confirmation of a new e-mail address, and stopping notifications.
 */
@Named
@ViewScoped // the link's code, from the address, must outlive the postback of the page's form
public class MailedLinksBacking implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PasswordResets resets;

    @Inject
    EmailAddresses addresses;

    @Inject
    Notifications notifications;

    @Inject
    ClientAddresses clients;

    private String code;
    private UUID user;
    private String list;
    private String account;
    private String password;
    private String outcome;

    /** Asks for a link; the answer is the same whether the account exists or not. */
    public void request() {
        Optional<java.time.Duration> wait = resets.request(account, clients.of((HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest()));
        outcome = wait.isPresent() ? "throttled" : "requested";
    }

    public void reset() {
        try {
            resets.reset(code, password);
            outcome = "reset";
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, "reset");
        }
    }

    public void confirmEmail() {
        try {
            addresses.confirm(code);
            outcome = "confirmed";
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, "confirm");
        }
    }

    public void unsubscribe() {
        try {
            notifications.unsubscribe(user, list, code);
            outcome = "unsubscribed";
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, "unsubscribe");
        }
    }

    public UUID getUser() {
        return user;
    }

    public void setUser(UUID user) {
        this.user = user;
    }

    /** Which mails the link stops, as the pages' texts name them ({@code links.list.*}). */
    public String getListKey() {
        return switch (String.valueOf(list)) {
            case "all-alerts", "chat", "all" -> list;
            default -> "alerts";
        };
    }

    public String getList() {
        return list;
    }

    public void setList(String list) {
        this.list = list;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** What was done: requested, throttled, reset, confirmed, unsubscribed; null before. */
    public String getOutcome() {
        return outcome;
    }
}
