package org.ems.web.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.ems.contracts.access.Rejected;
import org.ems.devices.application.TariffRequest;
import org.ems.devices.application.TariffService;
import org.ems.devices.application.TariffView;
import org.primefaces.PrimeFaces;

/**
 * The console's tariffs page: the tariffs, and a dialog that makes or changes one: its name, currency and versions,
 * each a date, a default price and time-of-use rates (weekdays, whole hours, a price).
 */
@Named
@ViewScoped
public class TariffsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The weekdays as the API names them. */
    public static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    @Inject
    TariffService tariffs;

    private UUID editing;
    private TariffRequest form = blank();

    public List<TariffView> getTariffs() {
        return tariffs.list();
    }

    public List<String> getDays() {
        return DAYS;
    }

    /** Whole hours, 00:00 to 24:00, for the rates' ends. */
    public List<String> getHours() {
        return IntStream.rangeClosed(0, 24)
                .mapToObj(h -> "%02d:00".formatted(h))
                .toList();
    }

    public void startCreating() {
        editing = null;
        form = blank();
    }

    public void startEditing(TariffView tariff) {
        editing = tariff.id();
        form = new TariffRequest();
        form.setName(tariff.name());
        form.setCurrency(tariff.currency());
        form.setVersions(new ArrayList<>(tariff.versions()));
    }

    public void addVersion() {
        form.getVersions().add(new TariffRequest.VersionItem());
    }

    public void removeVersion(TariffRequest.VersionItem version) {
        form.getVersions().remove(version);
    }

    public void addRate(TariffRequest.VersionItem version) {
        TariffRequest.RateItem rate = new TariffRequest.RateItem();
        rate.setDays(new ArrayList<>(DAYS.subList(0, 5)));
        rate.setFrom("07:00");
        rate.setTo("23:00");
        version.getRates().add(rate);
    }

    public void removeRate(TariffRequest.VersionItem version, TariffRequest.RateItem rate) {
        version.getRates().remove(rate);
    }

    public void save() {
        try {
            TariffView saved = editing == null ? tariffs.create(form) : tariffs.update(editing, form);
            PageMessages.done(editing == null ? "tariffs.created" : "tariffs.saved", saved.name());
            PrimeFaces.current().executeScript("PF('tariff').hide()");
        } catch (Rejected rejected) {
            // the fields of a tariff are nested lists: each refusal is said in words above the form
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Rejected.FieldError error : rejected.errors().isEmpty()
                    ? List.of(new Rejected.FieldError("", rejected.getMessage()))
                    : rejected.errors()) {
                faces.addMessage(
                        "tariffForm",
                        new FacesMessage(
                                FacesMessage.SEVERITY_ERROR,
                                (error.field().isEmpty() ? "" : error.field() + ": ") + error.message(),
                                null));
            }
            faces.validationFailed();
        }
    }

    public void delete(TariffView tariff) {
        try {
            tariffs.delete(tariff.id());
            PageMessages.done("tariffs.deleted", tariff.name());
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, "tariffsForm");
        }
    }

    /** A version in one line: from when, its price, its rates. */
    public String summary(TariffRequest.VersionItem version) {
        StringBuilder text = new StringBuilder(version.getValidFrom() + ": " + version.getPrice());
        for (TariffRequest.RateItem rate : version.getRates()) {
            text.append("; ")
                    .append(rate.getDays() == null || rate.getDays().isEmpty() ? "*" : String.join(" ", rate.getDays()))
                    .append(' ')
                    .append(rate.getFrom())
                    .append('-')
                    .append(rate.getTo())
                    .append(' ')
                    .append(rate.getPrice());
        }
        return text.toString();
    }

    public boolean isEditing() {
        return editing != null;
    }

    public TariffRequest getForm() {
        return form;
    }

    private static TariffRequest blank() {
        TariffRequest request = new TariffRequest();
        request.setCurrency("RON");
        TariffRequest.VersionItem version = new TariffRequest.VersionItem();
        version.setValidFrom(java.time.LocalDate.now().withDayOfMonth(1).toString());
        request.getVersions().add(version);
        return request;
    }
}
