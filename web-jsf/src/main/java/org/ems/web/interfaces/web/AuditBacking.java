package org.ems.web.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.users.application.AuditTrail;
import org.ems.users.domain.AuditDiff;
import org.ems.users.domain.AuditEntry;
import org.ems.users.domain.AuditRepository;

/** The console's audit log: every change of users and devices, newest first, paged in the database, filtered. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail audit;

    private String actor = "";
    private String action = "";
    private String targetType = "";

    /** One entry as the page shows it: the change as a readable difference of its target. */
    public record Row(
            long key,
            Instant at,
            String actor,
            String action,
            String targetType,
            String targetId,
            List<AuditDiff.Change> changes)
            implements Serializable {}

    private final PagedModel<Row> model = new PagedModel<>(this::page, row -> Long.toString(row.key()));

    /** A page of the entries the filters select, as rows keyed by their place in the log. */
    private Page<Row> page(PageRequest request) {
        Page<AuditEntry> entries = audit.page(query(), request);
        return new Page<>(
                IntStream.range(0, entries.items().size())
                        .mapToObj(i -> row(request.first() + i, entries.items().get(i)))
                        .toList(),
                entries.total());
    }

    private static Row row(long key, AuditEntry e) {
        return new Row(
                key,
                e.at().toInstant(),
                e.actor(),
                e.action(),
                e.targetType(),
                e.targetId().toString(),
                AuditDiff.of(e.before(), e.after()));
    }

    private AuditRepository.Query query() {
        return new AuditRepository.Query(actor, action, targetType);
    }

    public PagedModel<Row> getModel() {
        return model;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTargetType() {
        return targetType;
    }

    public void setTargetType(String targetType) {
        this.targetType = targetType;
    }
}
