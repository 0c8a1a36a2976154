/** Monitoring's JMS adapters: the reading consumer and the dead-letter sender. */
package org.ems.monitoring.infrastructure.messaging;
