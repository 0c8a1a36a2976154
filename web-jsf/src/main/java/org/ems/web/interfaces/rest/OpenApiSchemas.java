package org.ems.web.interfaces.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * JSON schemas of the API's Java types as JSON-B writes and reads them: a record by its components, a bean by its
 * properties (getters and setters), each once under {@code #/components/schemas/} ({@link #addComponents}). Payara models only
 * the web module's own classes, and those poorly (a {@code UUID} as an object); the records of the other modules
 * (devices, users, alerts) it leaves {@code {type: object}}.
 */
final class OpenApiSchemas {

    static final String REFS = "#/components/schemas/";

    private final Components components;
    private final Map<Class<?>, Schema> structures = new java.util.LinkedHashMap<>();
    private final List<Map.Entry<Schema, Class<?>>> references = new ArrayList<>();

    OpenApiSchemas(Components components) {
        this.components = components;
    }

    /** The schema of {@code type}: inline for a value, a reference to its component for a record or bean. */
    Schema of(Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(SchemaType.ARRAY).items(of(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(SchemaType.OBJECT).additionalPropertiesSchema(of(arguments[1]));
            }
            if (raw == Optional.class) {
                return of(arguments[0]);
            }
            return of(raw);
        }
        Class<?> c = (Class<?>) type;
        Schema value = value(c);
        if (value != null) {
            return value;
        }
        if (c.isArray()) {
            return OASFactory.createSchema().type(SchemaType.ARRAY).items(of(c.getComponentType()));
        }
        return reference(c);
    }

    /** A JSON value's schema, or null for a structure. */
    private static Schema value(Class<?> c) {
        if (c == String.class || c == java.time.ZoneId.class || c == java.time.YearMonth.class) {
            return schema(SchemaType.STRING, null);
        }
        if (c == java.time.Duration.class) {
            return schema(SchemaType.STRING, null).description("an ISO 8601 duration, e.g. PT2H");
        }
        if (c == UUID.class) {
            return schema(SchemaType.STRING, "uuid");
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            return schema(SchemaType.STRING, "date-time");
        }
        if (c == LocalDate.class) {
            return schema(SchemaType.STRING, "date");
        }
        if (c == BigDecimal.class) {
            return schema(SchemaType.NUMBER, null);
        }
        if (c == double.class || c == Double.class) {
            return schema(SchemaType.NUMBER, "double");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
            return schema(SchemaType.INTEGER, "int32");
        }
        if (c == long.class || c == Long.class) {
            return schema(SchemaType.INTEGER, "int64");
        }
        if (c == boolean.class || c == Boolean.class) {
            return schema(SchemaType.BOOLEAN, null);
        }
        if (c.isEnum()) {
            return schema(SchemaType.STRING, null)
                    .enumeration(Arrays.stream(c.getEnumConstants())
                            .map(e -> (Object) ((Enum<?>) e).name())
                            .toList());
        }
        if (jakarta.json.JsonValue.class.isAssignableFrom(c) || c == Object.class) {
            return OASFactory.createSchema().description("any JSON value");
        }
        return null;
    }

    private static Schema schema(SchemaType type, String format) {
        Schema schema = OASFactory.createSchema().type(type);
        return format == null ? schema : schema.format(format);
    }

    /** A reference to the component of {@code c}, made (once) from its record components or bean properties. */
    private Schema reference(Class<?> c) {
        if (!structures.containsKey(c)) {
            Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
            structures.put(c, schema); // before its members: a type may contain itself
            List<String> required = new ArrayList<>();
            properties(c).forEach((property, type) -> {
                schema.addProperty(property, of(type));
                if (required(c, property, type)) {
                    required.add(property);
                }
            });
            if (!required.isEmpty()) {
                schema.required(required);
            }
        }
        Schema reference = OASFactory.createSchema();
        references.add(Map.entry(reference, c));
        return reference;
    }

    /**
     * Adds the components, each under its simple name, or its outer class's and its own where two share one
     * ({@code DeviceImportResult}, {@code UserImportResult}), and points the references at them.
     */
    void addComponents() {
        Map<String, Long> uses = structures.keySet().stream()
                .collect(Collectors.groupingBy(Class::getSimpleName, Collectors.counting()));
        Map<Class<?>, String> names = new java.util.HashMap<>();
        structures.forEach((c, schema) -> {
            String name = uses.get(c.getSimpleName()) == 1 || c.getEnclosingClass() == null
                    ? c.getSimpleName()
                    : c.getEnclosingClass().getSimpleName() + c.getSimpleName();
            names.put(c, name);
            components.addSchema(name, schema);
        });
        references.forEach(r -> r.getKey().ref(REFS + names.get(r.getValue())));
    }

    /** The JSON members of {@code c} and their types, in the order of the record, else by name (as JSON-B). */
    private static Map<String, Type> properties(Class<?> c) {
        Map<String, Type> properties = new java.util.LinkedHashMap<>();
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                properties.put(component.getName(), component.getGenericType());
            }
            return properties;
        }
        Map<String, Type> sorted = new TreeMap<>();
        for (Method method : c.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = method.getName();
            if (method.getParameterCount() == 0 && name.startsWith("get") && name.length() > 3) {
                sorted.put(decapitalise(name.substring(3)), method.getGenericReturnType());
            } else if (method.getParameterCount() == 0
                    && name.startsWith("is")
                    && name.length() > 2
                    && method.getReturnType() == boolean.class) {
                sorted.put(decapitalise(name.substring(2)), boolean.class);
            } else if (method.getParameterCount() == 1 && name.startsWith("set") && name.length() > 3) {
                sorted.putIfAbsent(decapitalise(name.substring(3)), method.getGenericParameterTypes()[0]);
            }
        }
        properties.putAll(sorted);
        return properties;
    }

    /** A primitive is always written; a bean's field that validation requires must be sent. */
    private static boolean required(Class<?> c, String property, Type type) {
        if (type instanceof Class<?> k && k.isPrimitive()) {
            return true;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            try {
                Field field = k.getDeclaredField(property);
                return field.isAnnotationPresent(NotNull.class)
                        || field.isAnnotationPresent(NotBlank.class)
                        || field.isAnnotationPresent(NotEmpty.class);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        return false;
    }

    private static String decapitalise(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
