package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ems.contracts.access.Caller;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.device.DeviceData;
import org.ems.devices.application.DeviceService;
import org.ems.monitoring.application.AlertService;

/**
 * What the pages' chat script ({@code chat.js}) needs from the server besides the socket and the API: its texts in
 * the page's language, and a client's recent alerts to ask about.
 */
@Named
@RequestScoped
public class ChatBacking {

    /** The alerts offered to attach: the newest ones. */
    static final int ALERTS_OFFERED = 20;

    @Inject
    Caller caller;

    @Inject
    AlertService alerts;

    @Inject
    DeviceService devices;

    @Inject
    Formats format;

    /** An alert the client may ask about, with words for the list. */
    public record Offer(UUID id, String label) {}

    private List<Offer> offers;

    /** The {@code chat.*} texts of the bundle as JSON (key without the prefix), for the script. */
    public String getTexts() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msgs");
        JsonObjectBuilder texts = Json.createObjectBuilder();
        bundle.keySet().stream()
                .filter(k -> k.startsWith("chat.js."))
                .forEach(k -> texts.add(k.substring("chat.js.".length()), bundle.getString(k)));
        return texts.build().toString();
    }

    @Inject
    AlertTexts alertText;

    /** The client's newest alerts, for "ask about this alert". */
    public List<Offer> getAlerts() {
        if (offers == null) {
            offers = offers();
        }
        return offers;
    }

    private List<Offer> offers() {
        Map<UUID, String> names =
                devices.list(caller).stream().collect(Collectors.toMap(DeviceData::id, DeviceData::name));
        return alerts.list(caller, java.util.Optional.empty(), java.util.Optional.empty()).stream()
                .limit(ALERTS_OFFERED)
                .map((AlertMessage a) -> new Offer(
                        a.id(),
                        names.getOrDefault(a.deviceId(), "?") + " · " + alertText.when(a) + " · " + alertText.what(a)))
                .toList();
    }

    /** The alert asked about in the link that opened the page ({@code ?alert=}), if it is one of the offered. */
    public String getAsked() {
        String asked = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("alert");
        return getAlerts().stream()
                .map(o -> o.id().toString())
                .filter(id -> id.equals(asked))
                .findFirst()
                .orElse("");
    }
}
