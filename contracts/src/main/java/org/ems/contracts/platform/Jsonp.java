package org.ems.contracts.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code Json.createReader} and its siblings look the provider up on every call,
 * searching the class path for it (in Payara, the application's jars): a third of the CPU of decoding a reading
 * message and of encoding one in the load generator went there.
 */
public final class Jsonp {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {}
}
