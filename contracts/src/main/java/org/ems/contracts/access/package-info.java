/**
 * Who may see what, in one place: the caller, the roles, the one shape of a refused operation; and the sign-ins that
 * sockets and sessions live as long as ({@code SocketAdmission}, {@code SignedInConnections}).
 */
package org.ems.contracts.access;
