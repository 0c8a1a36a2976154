package org.ems.monitoring.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.ems.monitoring.application.RefusedData;

/** PostgreSQL's word for refused data: SQLSTATE class 22 (data exception) or 23 (integrity constraint violation). */
@ApplicationScoped
public class SqlStateRefusedData implements RefusedData {

    @Override
    public boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String state = e.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
