package org.ems.web.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.device.DeviceData;
import org.ems.contracts.device.MonthlyBudget;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.devices.application.DeviceRequest;
import org.ems.devices.application.DeviceService;
import org.ems.devices.application.MeterCredentials;
import org.ems.devices.application.TariffService;
import org.ems.devices.application.TariffView;
import org.ems.users.application.UserService;
import org.ems.users.application.UserView;
import org.primefaces.PrimeFaces;

/**
 * The console's devices page: the meters, paged, sorted and searched in the database (unassigned ones at a click,
 * or one owner's from the users page); creating, editing and deleting in dialogs, the owner chosen by searching users.
 */
@Named
@ViewScoped
public class DevicesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TariffService tariffs;

    @Inject
    DeviceService devices;

    @Inject
    MeterCredentials credentials;

    @Inject
    UserService users;

    @Inject
    Caller caller;

    @Inject
    ExternalContext context;

    private String search = "";
    private boolean unassignedOnly;
    private UserView ownerFilter;
    private DeviceRequest request = new DeviceRequest();
    private UserView owner;
    private DeviceData selected;
    private transient MeterCredentials.Issued issued;
    private java.time.Instant credentialIssuedAt;
    private Map<UUID, String> ownerNames = Map.of();

    private final PagedModel<DeviceData> model = new PagedModel<>(
            this::page, device -> device.id().toString(), shown -> ownerNames = OwnerNames.of(users, shown));

    /** A link from the users page names an owner: that user's devices. */
    @PostConstruct
    void filterByLinkedOwner() {
        String linked = context.getRequestParameterMap().get("owner");
        if (linked != null) {
            try {
                ownerFilter = users.find(UUID.fromString(linked));
            } catch (IllegalArgumentException | Rejected notAUser) {
                ownerFilter = null; // shows every device
            }
        }
    }

    /** A page of the devices the filters select. */
    private Page<DeviceData> page(PageRequest request) {
        return devices.page(
                new DeviceService.DeviceQuery(
                        search, ownerFilter == null ? null : ownerFilter.id(), unassignedOnly, request),
                caller);
    }

    /** Users whose username or name holds what was typed: the owner's auto-complete. */
    /** The tariffs a device may have. */
    public List<TariffView> getTariffs() {
        return tariffs.list();
    }

    public List<UserView> completeOwner(String typed) {
        return users.page(new UserService.UserQuery(typed, "", new PageRequest(0, 10, "username", false)))
                .items();
    }

    public void startCreating() {
        selected = null;
        owner = ownerFilter;
        request = new DeviceRequest();
        request.setMonthlyBudget(new DeviceRequest.Budget()); // the dialog's two fields: kWh or an amount
    }

    public void startEditing(DeviceData device) {
        selected = device;
        owner = device.ownerId() == null
                ? null
                : users.findAll(List.of(device.ownerId())).get(device.ownerId());
        request = new DeviceRequest(
                device.name(),
                device.description(),
                device.address(),
                device.maxHourlyKwh(),
                device.ownerId(),
                device.timeZone(),
                device.tariffId());
        MonthlyBudget budget = device.monthlyBudget();
        request.setMonthlyBudget(
                budget == null ? new DeviceRequest.Budget() : new DeviceRequest.Budget(budget.kwh(), budget.amount()));
        request.setSilentAfter(
                device.silentAfter() == null ? null : device.silentAfter().toString());
    }

    public void save() {
        request.setOwnerId(owner == null ? null : owner.id());
        try {
            DeviceData saved = selected == null ? devices.create(request) : devices.update(selected.id(), request);
            PageMessages.done(selected == null ? "devices.created" : "devices.saved", saved.name());
            PrimeFaces.current().executeScript("PF('device').hide()");
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, "deviceForm");
        }
    }

    /** Opens a device's credential dialog. */
    public void startCredential(DeviceData device) {
        selected = device;
        issued = null;
        credentialIssuedAt = credentials.issuedAt(device.id()).orElse(null);
    }

    /** Issues (or rotates) the selected device's credential; its password is shown until the dialog closes. */
    public void issueCredential() {
        issued = credentials.issue(selected.id());
        credentialIssuedAt = credentials.issuedAt(selected.id()).orElse(null);
        PageMessages.done("credential.done", selected.name());
    }

    public void revokeCredential() {
        credentials.revoke(selected.id());
        issued = null;
        credentialIssuedAt = null;
        PageMessages.done("credential.revoked", selected.name());
    }

    /** The password just issued, shown once (null otherwise); never kept beyond this view. */
    public MeterCredentials.Issued getIssued() {
        return issued;
    }

    public java.time.Instant getCredentialIssuedAt() {
        return credentialIssuedAt;
    }

    public void delete(DeviceData device) {
        try {
            devices.delete(device.id());
            PageMessages.done("devices.deleted", device.name());
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, "devicesForm");
        }
    }

    /** The owner's name shown in the table ({@code -} for an unassigned device). */
    public String ownerName(DeviceData device) {
        return device.ownerId() == null ? "—" : ownerNames.getOrDefault(device.ownerId(), "—");
    }

    public PagedModel<DeviceData> getModel() {
        return model;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public boolean isUnassignedOnly() {
        return unassignedOnly;
    }

    public void setUnassignedOnly(boolean unassignedOnly) {
        this.unassignedOnly = unassignedOnly;
    }

    public UserView getOwnerFilter() {
        return ownerFilter;
    }

    public DeviceRequest getRequest() {
        return request;
    }

    public UserView getOwner() {
        return owner;
    }

    public void setOwner(UserView owner) {
        this.owner = owner;
    }

    public DeviceData getSelected() {
        return selected;
    }
}
