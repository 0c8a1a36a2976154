package org.ems.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** How EMS reaches its PostgreSQL database. */
public record DatabaseEndpoint(String url, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public String toString() {
        return "DatabaseEndpoint[" + url + " as " + user + "]";
    }
}
