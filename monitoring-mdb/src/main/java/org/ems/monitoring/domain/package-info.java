/** Domain layer of the monitoring component: its model and rules in plain Java (JPA mappings at most), and the repository interfaces the application needs. */
package org.ems.monitoring.domain;
