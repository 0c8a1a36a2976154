/** Infrastructure of the monitoring component: the repositories in plain JDBC on the monitoring schema (Flyway owns the DDL). */
package org.ems.monitoring.infrastructure.persistence;
