/** Infrastructure of the monitoring component: MicroProfile Metrics counters, and the broker's queue depths. */
package org.ems.monitoring.infrastructure.metrics;
