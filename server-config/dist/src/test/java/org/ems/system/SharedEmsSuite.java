package org.ems.system;

import java.net.http.HttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** A suite on the {@link SharedEms}: its API client and an administrator's token, ready before the first test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedEms.class)
abstract class SharedEmsSuite {

    RunningEms ems;
    ApiClient api;
    HttpClient http;
    /** The administrator's API token. */
    String admin;

    @BeforeAll
    void start(RunningEms shared) throws Exception {
        ems = shared;
        api = new ApiClient(ems);
        http = api.http;
        admin = api.login("admin", SharedEms.ADMIN_PASSWORD).getString("token");
    }
}
