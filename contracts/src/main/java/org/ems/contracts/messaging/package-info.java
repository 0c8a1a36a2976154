/**
 * Names shared by every party on the broker (destinations, properties, how EMS modules connect) and the shape of the
 * fan-out topics' consumers ({@code FanOutListener}).
 */
package org.ems.contracts.messaging;
