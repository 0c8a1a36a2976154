/**
 * Interfaces layer: {@code /ws/alerts}, the socket limit per user ({@code SocketCaller}), and the registration of every
 * endpoint under /ws (the chat's {@code /ws/chat} is chat-ws's own).
 */
package org.ems.web.interfaces.socket;
