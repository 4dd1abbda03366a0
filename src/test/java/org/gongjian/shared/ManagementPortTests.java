package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.gongjian.support.TestClockConfig;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Operations: Prometheus (and the rest of the actuator) on a separate management port without login, not on the
 * application port; /livez and /readyz probes on the application port without login; graceful shutdown configured;
 * GONGJIAN_LOG_FORMAT=json switches the console to structured JSON. (The management port is random here so JVMs
 * never collide on the default 8081.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class ManagementPortTests {

    @Autowired Environment environment;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    HttpResponse<String> get(String port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void prometheusIsScrapedOnTheManagementPortAndNotServedOnTheApplicationPort() throws Exception {
        String app = environment.getProperty("local.server.port");
        String management = environment.getProperty("local.management.port");
        assertThat(management).isNotNull().isNotEqualTo(app);

        HttpResponse<String> scrape = get(management, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
        assertThat(get(management, "/actuator/health/readiness").body()).contains("\"status\":\"UP\"");

        HttpResponse<String> onApp = get(app, "/actuator/prometheus");
        assertThat(onApp.statusCode()).isNotEqualTo(200);
        assertThat(onApp.body()).doesNotContain("jvm_memory_used_bytes");
        // the management port's open door is for the actuator only, not the application
        assertThat(get(management, "/api/v1/campaigns").statusCode()).isEqualTo(404);
    }

    @Test
    void livenessAndReadinessProbesAnswerOnTheApplicationPortWithoutLogin() throws Exception {
        String app = environment.getProperty("local.server.port");
        for (String probe : new String[] {"/livez", "/readyz"}) {
            HttpResponse<String> r = get(app, probe);
            assertThat(r.statusCode()).as(probe).isEqualTo(200);
            assertThat(r.body()).as(probe).contains("\"status\":\"UP\"");
        }
        // a probe reveals nothing but UP/DOWN
        assertThat(get(app, "/readyz").body()).doesNotContain("components").doesNotContain("jdbc");
    }

    @Test
    void theShippedDefaultsAreAManagementPortOf8081GracefulShutdownAndTextLogs() throws Exception {
        String shipped = new String(new ClassPathResource("application.properties").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(shipped).contains("management.server.port=${GONGJIAN_MANAGEMENT_PORT:8081}")
                .contains("gongjian.log.format=${GONGJIAN_LOG_FORMAT:text}");
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.task.scheduling.shutdown.await-termination")).isEqualTo("true");
        assertThat(environment.getProperty("spring.task.execution.shutdown.await-termination")).isEqualTo("true");
        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void jsonLogsAreBootsStructuredEcsFormatAndAnUnknownFormatStopsTheStart() {
        assertThat(format("json")).isEqualTo("ecs");
        assertThat(format("JSON ")).isEqualTo("ecs");
        assertThat(format("logstash")).isEqualTo("logstash");
        assertThat(format("text")).isNull();
        assertThatThrownBy(() -> format("xml")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GONGJIAN_LOG_FORMAT");
    }

    static String format(String value) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("t", Map.of(LogFormatEnvironment.PROPERTY, value)));
        new LogFormatEnvironment().postProcessEnvironment(env, new SpringApplication());
        return env.getProperty("logging.structured.format.console");
    }
}
