/** Chat news to every EMS instance over the {@code ems.chat} topic, and from it to this instance's sockets. */
package org.ems.chat.infrastructure.messaging;
