/** Consumption alerts on the {@code ems.alerts} topic, the API and the sockets (see contracts/README.md). */
package org.ems.contracts.alert;
