package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a village's slow network gets, over real HTTP (compression is the server connector's, so not MockMvc):
 * pages and styles gzipped, static files fingerprinted by content and cacheable for a year, no 404 for the icon.
 */
class FieldSpeedTests extends IntegrationTest {

    static final Pattern STYLESHEET = Pattern.compile("href=\"(/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min-[0-9a-f]{32}\\.css)\"");

    @LocalServerPort int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesAreGzippedAndStaticFilesFingerprintedAndCachedForAYear() throws Exception {
        HttpResponse<byte[]> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String page = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(login.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).containsPattern("/css/app-[0-9a-f]{32}\\.css");

        Matcher bootstrap = STYLESHEET.matcher(page);
        assertThat(bootstrap.find()).as("bootstrap linked by its content hash").isTrue();
        HttpResponse<byte[]> css = get(bootstrap.group(1));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(css.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000").contains("public")
                .doesNotContain("no-store");
        assertThat(css.body().length).as("bootstrap.css over the wire").isLessThan(40_000);
    }

    @Test
    void theIconIsThere() throws Exception {
        HttpResponse<byte[]> ico = get("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(301);
        assertThat(ico.headers().firstValue("Location")).hasValue("/img/favicon.svg");
        assertThat(get("/img/favicon.svg").statusCode()).isEqualTo(200);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
