/** Infrastructure of the monitoring component: JMS consumers (MDBs) of readings and device events, publishers of alerts and dead letters. */
package org.ems.monitoring.infrastructure.messaging;
