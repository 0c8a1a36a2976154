package org.ems.devices.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Passes a nullable uuid column through unchanged. EclipseLink 4.0's own UUID conversion fails on reading a null
 * value (NullPointerException in UUIDConverter); with a converter of ours it is not used.
 */
@Converter
public class NullableUuid implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID attribute) {
        return attribute;
    }

    @Override
    public UUID convertToEntityAttribute(UUID column) {
        return column;
    }
}
