package org.ems.web.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.ems.contracts.access.Roles;

/** The EMS REST API, at {@code /api}; callers present a JWT from {@code POST /api/auth/login} (MP-JWT). */
@ApplicationPath("api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.ADMIN, Roles.CLIENT, Roles.METER})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "EMS API",
                        version = "1.0",
                        description = "Users, devices, hourly consumption and alerts of the Energy Management System"))
public class EmsApi extends Application {}
