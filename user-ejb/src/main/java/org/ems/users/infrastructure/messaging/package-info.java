/** Infrastructure of the users module: what it consumes of the broker (alerts to notify). */
package org.ems.users.infrastructure.messaging;
