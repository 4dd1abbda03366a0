package org.gongjian.support;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the whole application. All share one Spring context (same configuration), on H2
 * or, with {@code GONGJIAN_TEST_DB=postgres}, on PostgreSQL. Tests create their own data with unique codes.
 */
// management.server.port empty (here, not in a properties file: only an inlined value stops @SpringBootTest's
// random-port customizer from moving the actuator to a port of its own): the actuator stays on the application port,
// as MockMvc tests expect, and test JVMs never collide on the shipped 8081.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestClockConfig.class, SerializableSessions.class})
public abstract class IntegrationTest {

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Makes the mutable clock the one {@link Clock} everyone gets. */
    protected Clock clock() {
        return clock;
    }
}
