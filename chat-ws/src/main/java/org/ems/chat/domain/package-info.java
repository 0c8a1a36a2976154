/** The chat's model and rules in plain Java: messages, their text, the send rate, and the repository's interface. */
package org.ems.chat.domain;
