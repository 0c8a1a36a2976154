package org.ems.web.interfaces.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

/** Chart.js configurations of the pages' charts (PrimeFaces' {@code p:chart} takes them as JSON). */
final class Charts {

    private Charts() {}

    /** A chart of this type with these labels and datasets, sized by its container, its y axis from zero. */
    static String chart(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add("animation", false)
                                .add(
                                        "scales",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "y",
                                                        Json.createObjectBuilder()
                                                                .add("beginAtZero", true))))
                .build()
                .toString();
    }
}
