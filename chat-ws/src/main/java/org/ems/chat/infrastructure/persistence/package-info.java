/** The {@code chat} schema through JDBC. */
package org.ems.chat.infrastructure.persistence;
