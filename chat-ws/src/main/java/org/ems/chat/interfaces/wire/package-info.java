/** The JSON of the chat's protocol: frames of the socket, messages of the topic, bodies of the REST API. */
package org.ems.chat.interfaces.wire;
