/** Infrastructure of the users module: webhook deliveries POSTed with the JDK's HTTP client. */
package org.ems.users.infrastructure.http;
