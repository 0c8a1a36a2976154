/** Monitoring's tables in the {@code monitoring} schema, through JPA. */
package org.ems.monitoring.infrastructure.persistence;
