/** Infrastructure of the users module: mails handed to the configured SMTP server through Jakarta Mail. */
package org.ems.users.infrastructure.mail;
