/** The WebSocket endpoints under {@code /ws}; who may connect is decided before the handshake, by EmsAuthenticationMechanism. */
package org.ems.web.socket;
