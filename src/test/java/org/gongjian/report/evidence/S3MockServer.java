package org.gongjian.report.evidence;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Adobe S3Mock (the exec jar maven-dependency-plugin copies to {@code target/s3mock/s3mock.jar}) as a separate process
 * on loopback, on free ports in 18201–18249, once per JVM, stopped when the JVM exits. When it can't start, a test
 * skips with the reason, except under CI ({@code CI=true}), where it fails.
 */
final class S3MockServer {

    static final String BUCKET = "gongjian-evidence";
    private static final Path JAR = Path.of("target", "s3mock", "s3mock.jar");
    private static String endpoint;
    private static String failure;

    private S3MockServer() {
    }

    /** The endpoint ({@code http://127.0.0.1:port}), starting the server on first use; skips or fails when it can't. */
    static synchronized String endpoint() {
        if (endpoint == null && failure == null) {
            try {
                endpoint = start();
            } catch (Exception e) {
                failure = e.getMessage();
            }
        }
        if (failure != null) {
            String message = "S3Mock could not be started, so the S3 evidence store was not tested: " + failure;
            if (TestDatabase.onCi()) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return endpoint;
    }

    static EvidenceStoreSettings.S3 settings(String bucket, boolean createBucket) {
        return new EvidenceStoreSettings.S3(endpoint(), "us-east-1", bucket, "test-key", "test-secret", true,
                createBucket, "");
    }

    private static String start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IOException(JAR.toAbsolutePath() + " is missing (run the build through Maven: it copies it there)");
        }
        List<Integer> ports = freePorts(2);
        Path root = Files.createTempDirectory("gongjian-s3mock-");
        Path log = root.resolve("s3mock.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toAbsolutePath().toString(),
                "--server.address=127.0.0.1", "--server.port=" + ports.get(1),
                "--com.adobe.testing.s3mock.http-port=" + ports.get(0),
                "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"),
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                "--spring.main.banner-mode=off"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        String url = "http://127.0.0.1:" + ports.get(0);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("S3Mock exited with " + process.exitValue() + "; its log: " + log);
            }
            if (answers(url + "/" + BUCKET)) {
                return url;
            }
            Thread.sleep(500);
        }
        process.destroy();
        throw new IOException("S3Mock did not answer on " + url + " within 240 s; its log: " + log);
    }

    private static boolean answers(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestMethod("HEAD");
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            c.disconnect();
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (int port = 18201; port <= 18249 && ports.size() < count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                ports.add(port);
            } catch (IOException taken) {
                // try the next one
            }
        }
        if (ports.size() < count) {
            throw new IOException("no free ports in 18201-18249");
        }
        return ports;
    }
}
