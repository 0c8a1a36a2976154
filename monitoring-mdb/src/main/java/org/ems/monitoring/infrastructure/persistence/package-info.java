/** Monitoring's tables in the {@code monitoring} schema (plain JDBC on {@code jdbc/ems}; Flyway owns the DDL). */
package org.ems.monitoring.infrastructure.persistence;
