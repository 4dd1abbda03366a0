package org.gongjian.report.evidence;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.gongjian.report.EvidenceStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Evidence in an S3-compatible bucket (AWS S3, MinIO, Ceph, a cloud vendor's object storage): object key =
 * {@code prefix + sha256}, so every node of an installation reads what any node wrote. Uses the JDK's HTTP client
 * (no Netty), path-style addressing by default, and sends no optional checksums, which older S3-compatible servers
 * reject; integrity is checked by the SHA-256 the key names, on every read.
 */
public class S3EvidenceStore implements EvidenceStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3EvidenceStore(EvidenceStoreSettings.S3 settings) {
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)).build())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
        ensureBucket(settings.createBucket());
    }

    private static AwsCredentialsProvider credentials(EvidenceStoreSettings.S3 settings) {
        if (settings.accessKey() == null || settings.accessKey().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                settings.secretKey() == null ? "" : settings.secretKey()));
    }

    private void ensureBucket(boolean create) {
        try {
            s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
        } catch (NoSuchBucketException e) {
            if (!create) {
                throw new IllegalStateException("evidence bucket " + bucket + " does not exist; create it or set "
                        + "gongjian.evidence.s3.create-bucket=true", e);
            }
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && create) {
                s3.createBucket(b -> b.bucket(bucket));
            } else {
                throw new IllegalStateException("evidence bucket " + bucket + " is not usable: " + e.getMessage(), e);
            }
        }
    }

    private String key(String sha256) {
        return prefix + EvidenceStore.checked(sha256);
    }

    /** The SDK needs the length before it sends: an unknown-length stream is spooled to a temporary file first. */
    @Override
    public void put(String sha256, InputStream content) throws IOException {
        if (exists(sha256)) {
            return;
        }
        Path temp = Files.createTempFile("gongjian-s3-", ".upload");
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            upload(sha256, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void put(String sha256, Path file) throws IOException {
        if (exists(sha256)) {
            return;
        }
        upload(sha256, file);
    }

    private void upload(String sha256, Path file) throws IOException {
        try {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key(sha256))
                    .contentType("application/octet-stream").build(), RequestBody.fromFile(file));
        } catch (S3Exception e) {
            throw new IOException("storing evidence content " + sha256 + " in bucket " + bucket + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key(sha256)).build());
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("evidence content " + sha256);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new FileNotFoundException("evidence content " + sha256);
            }
            throw new IOException("reading evidence content " + sha256 + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key(sha256)).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
