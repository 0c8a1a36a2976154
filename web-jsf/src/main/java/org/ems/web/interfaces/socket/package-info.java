/** Interfaces layer: the WebSocket endpoints under /ws. */
package org.ems.web.interfaces.socket;
