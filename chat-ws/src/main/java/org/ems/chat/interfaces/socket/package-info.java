/**
 * {@code /ws/chat}: the socket endpoint, this instance's open chat connections and their heartbeat. The web module
 * authenticates the handshake and registers the endpoint; who the caller is comes through
 * {@link org.ems.contracts.access.SocketAdmission}.
 */
package org.ems.chat.interfaces.socket;
