/** The chat's use cases (ChatService) and the frames of its wire protocol (ChatFrames). */
package org.ems.chat.application;
