package org.ems.users.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.users.domain.PasswordPolicy;
import org.ems.users.domain.Passwords;
import org.ems.users.domain.Role;
import org.ems.users.domain.User;
import org.ems.users.domain.UserRepository;

/**
 * Creates the first administrator, {@code admin}, when there is no administrator at all: with the password in
 * {@code ems.admin.initial-password} ({@code ./ems run} passes {@code EMS_ADMIN_PASSWORD} or one it generated and
 * prints), or else a generated one written once to the server log.
 */
@Singleton
@Startup
public class AdminBootstrap {

    static final String USERNAME = "admin";

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    UserRepository repository;

    @Inject
    Passwords passwords;

    @Inject
    UserService users;

    @Inject
    @ConfigProperty(name = "ems.admin.initial-password")
    Optional<String> initialPassword;

    @PostConstruct
    void createFirstAdministrator() {
        // Instances starting together take turns here: the first creates the administrator, the others find it.
        repository.lockUntilCommit(UserRepository.FIRST_ADMINISTRATOR);
        if (repository.countWithRole(Role.ADMIN) > 0) {
            return;
        }
        String password = initialPassword.orElseGet(AdminBootstrap::generatedPassword);
        String violation = PasswordPolicy.violation(USERNAME, password);
        if (violation != null) {
            throw new IllegalStateException("ems.admin.initial-password is not acceptable: " + violation);
        }
        repository.add(
                new User(USERNAME, passwords.hash(password), "Administrator", Role.ADMIN, users.defaultTimeZone()));
        if (initialPassword.isEmpty()) {
            LOG.warning(() -> "Created user '" + USERNAME + "' with generated password " + password
                    + " (logged once; change it after the first login)");
        } else {
            LOG.info(() -> "Created user '" + USERNAME + "' with the configured initial password");
        }
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
