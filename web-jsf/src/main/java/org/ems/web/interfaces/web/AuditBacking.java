package org.ems.web.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ems.users.application.AuditTrail;
import org.ems.users.domain.AuditDiff;
import org.ems.users.domain.AuditEntry;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

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

    private final LazyDataModel<Row> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) audit.page(query(), 0, 1).total();
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            List<AuditEntry> entries =
                    audit.page(query(), first / pageSize, pageSize).entries();
            return java.util.stream.IntStream.range(0, entries.size())
                    .mapToObj(i -> row(first + i, entries.get(i)))
                    .toList();
        }

        @Override
        public String getRowKey(Row row) {
            return Long.toString(row.key());
        }
    };

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

    private AuditTrail.AuditQuery query() {
        return new AuditTrail.AuditQuery(actor, action, targetType);
    }

    public LazyDataModel<Row> getModel() {
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
