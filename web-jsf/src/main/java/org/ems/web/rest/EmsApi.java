package org.ems.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The EMS REST API, at {@code /api}. */
@ApplicationPath("api")
@ApplicationScoped
@OpenAPIDefinition(info = @Info(title = "EMS API", version = "1.0",
        description = "Users, devices, hourly consumption and alerts of the Energy Management System"))
public class EmsApi extends Application {}
