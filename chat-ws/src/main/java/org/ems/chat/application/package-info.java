/** The chat's use cases (ChatService) and the news they raise for every instance (ChatNews). */
package org.ems.chat.application;
