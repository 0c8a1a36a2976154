/** Names shared by every party on the broker: destinations, properties, and how EMS modules connect. */
package org.ems.contracts.messaging;
