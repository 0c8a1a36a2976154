/**
 * {@code ./ems faults}: EMS broken under load in every way a power cut or an operator can (kill -9 of each part, a
 * frozen database, an overload), and its books reconciled with the meters' after each.
 */
package org.ems.simulator.faults;
