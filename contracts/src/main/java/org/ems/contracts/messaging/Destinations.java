package org.ems.contracts.messaging;

/** The broker addresses EMS uses. Producers and consumers name them only through these constants. */
public final class Destinations {

    /** Anycast queue of meter readings; meters may only send here. */
    public static final String READINGS = "ems.readings";

    /** Readings that can never be applied, each with its reason in the string property {@value #ERROR_PROPERTY}. */
    public static final String READINGS_DLQ = "ems.readings.dlq";

    /** Topic of device changes (created, updated, deleted) from the device module. */
    public static final String DEVICE_EVENTS = "ems.device-events";

    /** Topic of new consumption alerts, so that every EMS instance pushes them to the sockets it holds. */
    public static final String ALERTS = "ems.alerts";

    /** Topic of chat messages between EMS instances. */
    public static final String CHAT = "ems.chat";

    /** Message property of an alert on {@value #ALERTS}: the id of the user it is for (missing: the device has none). */
    public static final String OWNER_PROPERTY = "ems_owner_id";

    /** Message property of an alert on {@value #ALERTS}: true when it is for the administrators too. */
    public static final String ADMINISTRATORS_PROPERTY = "ems_administrators";

    /** Message property of an alert on {@value #ALERTS}: the device's name, which notifications show. */
    public static final String DEVICE_NAME_PROPERTY = "ems_device_name";

    /** Message property naming why a message was dead-lettered. */
    public static final String ERROR_PROPERTY = "ems_error";

    /** Message property of a dead letter: the JMS message id of the message it was when it arrived. */
    public static final String ORIGINAL_MESSAGE_ID_PROPERTY = "ems_original_message_id";

    private Destinations() {}
}
