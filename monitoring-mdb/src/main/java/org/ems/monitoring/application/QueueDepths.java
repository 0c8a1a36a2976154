package org.ems.monitoring.application;

import java.util.OptionalLong;

/** The messages waiting in a queue of the broker, as the broker counts them: whether ingestion keeps up. */
public interface QueueDepths {

    /** Empty when the broker does not answer in time. */
    OptionalLong waiting(String queue);
}
