/** What the chat tells other modules. */
package org.ems.contracts.chat;
