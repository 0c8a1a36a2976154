package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.chat.application.ChatService;
import org.ems.chat.domain.Conversation;
import org.ems.chat.interfaces.wire.ChatFrames;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.contracts.user.Person;

/** The chat's history: conversations (an administrator's inbox, a client's own) and pages of their messages. */
@Path("chat/conversations")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

    @Inject
    ChatService chat;

    @Inject
    Caller caller;

    @GET
    @Operation(
            operationId = "listConversations",
            summary = "Conversations: all for an administrator (newest activity first), a client's own")
    @APIResponse(
            responseCode = "200",
            description = "The conversations",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "Conversation")))
    public JsonArray conversations() {
        List<Conversation> conversations = chat.conversations(caller);
        Map<UUID, Person> clients = chat.clients(conversations);
        JsonArrayBuilder json = Json.createArrayBuilder();
        for (Conversation c : conversations) {
            Person client = clients.get(c.id());
            if (client != null) { // a client deleted meanwhile
                json.add(ChatFrames.conversation(c, client));
            }
        }
        return json.build();
    }

    @GET
    @Path("{id}/messages")
    @Operation(
            operationId = "listMessages",
            summary = "A page of a conversation's messages before a message (default: the latest), newest last")
    @APIResponse(
            responseCode = "200",
            description = "The messages, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "ChatMessage")))
    public JsonArray messages(
            @PathParam("id") String id, @QueryParam("before") String before, @QueryParam("limit") String limit) {
        JsonArrayBuilder json = Json.createArrayBuilder();
        chat.messages(
                        caller,
                        Ids.uuid(id, "conversation"),
                        before == null ? null : Ids.uuid(before, "message"),
                        Paging.number("limit", limit, 50))
                .forEach(m -> json.add(ChatFrames.message(m)));
        return json.build();
    }
}
