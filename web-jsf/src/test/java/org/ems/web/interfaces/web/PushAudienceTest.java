package org.ems.web.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.event.WebsocketEvent;
import jakarta.websocket.CloseReason;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PushAudienceTest {

    private final PushAudience audience = new PushAudience();

    @Test
    void aChannelIsListenedToWhileOneOfItsSocketsIsOpen() {
        assertThat(audience.listening("readings")).isFalse();
        audience.opened(new WebsocketEvent("readings", null, null));
        audience.opened(new WebsocketEvent("readings", null, null));
        audience.closed(new WebsocketEvent("readings", null, CloseReason.CloseCodes.GOING_AWAY));
        assertThat(audience.listening("readings")).isTrue();
        audience.closed(new WebsocketEvent("readings", null, CloseReason.CloseCodes.NORMAL_CLOSURE));
        assertThat(audience.listening("readings")).isFalse();
        assertThat(audience.listening("usage")).isFalse();
    }

    @Test
    void aUsersSocketsCountForThatUserOnly() {
        UUID device = UUID.randomUUID();
        audience.opened(new WebsocketEvent("usage", device, null));
        assertThat(audience.listening("usage", device)).isTrue();
        assertThat(audience.listening("usage", UUID.randomUUID())).isFalse();
        assertThat(audience.listening("readings", device)).isFalse();
        audience.closed(new WebsocketEvent("usage", device, CloseReason.CloseCodes.CLOSED_ABNORMALLY));
        assertThat(audience.listening("usage", device)).isFalse();
        assertThat(audience.listening("usage")).isFalse();
    }
}
