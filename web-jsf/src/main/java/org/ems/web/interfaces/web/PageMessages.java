package org.ems.web.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.ems.contracts.access.Rejected;

/** Texts and messages of the pages, from the {@code msgs} bundle in the viewer's language. */
final class PageMessages {

    private PageMessages() {}

    /** The bundle's text for {@code key}, with its arguments. */
    static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msgs");
        return MessageFormat.format(bundle.getString(key), arguments);
    }

    /** A growl message saying what was done. */
    static void done(String key, Object... arguments) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
    }

    /**
     * A refusal of the services, shown where it belongs: next to its fields ({@code form:field} ids), or as a page
     * message. The service's words, as the API answers them.
     */
    static void refused(Rejected rejected, String formId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (rejected.errors().isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, rejected.getMessage(), null));
        }
        for (Rejected.FieldError error : rejected.errors()) {
            // a field of a part ("monthlyBudget.kwh", "versions[0].price") is shown at the part's control
            String control = error.field().split("[.\\[]", 2)[0];
            faces.addMessage(
                    formId + ":" + control, new FacesMessage(FacesMessage.SEVERITY_ERROR, error.message(), null));
        }
        faces.validationFailed();
    }
}
