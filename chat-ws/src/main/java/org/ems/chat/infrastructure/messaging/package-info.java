/** Chat news to every EMS instance over the {@code ems.chat} topic. */
package org.ems.chat.infrastructure.messaging;
