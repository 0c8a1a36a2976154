package org.ems.web.interfaces.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.users.application.UserService;
import org.ems.users.application.UserView;

/** A user chosen in a page (the owner's auto-complete) travels as its id. */
@FacesConverter(forClass = UserView.class)
public class UserViewConverter implements Converter<UserView> {

    @Override
    public UserView getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // Looked up, not injected: Mojarra does not inject converters it finds by type.
            return CDI.current().select(UserService.class).get().find(UUID.fromString(value));
        } catch (IllegalArgumentException | Rejected e) {
            throw new ConverterException("no such user");
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, UserView user) {
        return user == null ? "" : user.id().toString();
    }
}
