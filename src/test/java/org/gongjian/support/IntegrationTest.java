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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClockConfig.class)
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
