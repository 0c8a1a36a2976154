/** Infrastructure of the monitoring component: MicroProfile Metrics counters. */
package org.ems.monitoring.infrastructure.metrics;
