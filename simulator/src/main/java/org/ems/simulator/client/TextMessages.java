package org.ems.simulator.client;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A WebSocket listener that hands on whole text messages. The JDK client may deliver a message in parts (a message
 * that spans network reads arrives as several {@code onText} calls): taken one by one, a part can cut a field in two.
 * (The benchmark lost one alert in a hundred to that, always at the same offset of the stream.)
 */
public class TextMessages implements WebSocket.Listener {

    private final Consumer<String> messages;
    private final StringBuilder parts = new StringBuilder();

    public TextMessages(Consumer<String> messages) {
        this.messages = messages;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        parts.append(data);
        if (last) {
            messages.accept(parts.toString());
            parts.setLength(0);
        }
        socket.request(1);
        return CompletableFuture.completedFuture(null);
    }
}
