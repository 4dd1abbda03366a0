package org.gongjian.report.evidence;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.URI;
import java.util.Random;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.gongjian.report.EvidenceFiles;
import org.gongjian.report.EvidenceService;
import org.gongjian.report.EvidenceStore;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evidence in an S3-compatible bucket (gongjian.evidence.store=s3) against Adobe S3Mock running on this machine:
 * what node 1 stores, node 2 (another store on the same bucket) reads; a lost object is a 422, not a 500.
 */
class S3EvidenceStoreTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired EvidenceStore configured;

    @BeforeAll
    static void s3mock() {
        S3MockServer.endpoint();
    }

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("gongjian.evidence.store", () -> "s3");
        registry.add("gongjian.evidence.s3.endpoint", S3MockServer::endpoint);
        registry.add("gongjian.evidence.s3.bucket", () -> S3MockServer.BUCKET);
        registry.add("gongjian.evidence.s3.access-key", () -> "test-key");
        registry.add("gongjian.evidence.s3.secret-key", () -> "test-secret");
    }

    @Test
    void aFileUploadedOnNodeOneDownloadsOnNodeTwo() throws Exception {
        assertThat(configured).isInstanceOf(S3EvidenceStore.class);
        County c = fixtures.county();
        String token = Logins.token(mvc, c.liaisonAUser());
        byte[] photo = EvidenceFiles.jpeg(320, 240, c.tag().hashCode());
        String sha = EvidenceService.sha256(photo);

        String body = mvc.perform(multipart("/api/v1/units/" + c.townshipA().id() + "/evidence")
                        .file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", photo)).header("Authorization", token))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        try (S3EvidenceStore nodeTwo = new S3EvidenceStore(S3MockServer.settings(S3MockServer.BUCKET, false))) {
            assertThat(nodeTwo.exists(sha)).isTrue();
            try (InputStream in = new HashCheckedStream(nodeTwo.open(sha), sha)) {
                assertThat(in.readAllBytes()).isEqualTo(photo);
            }
        }
        mvc.perform(get("/api/v1/evidence/" + id + "/file").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(content().bytes(photo));
        mvc.perform(get("/api/v1/evidence/" + id + "/thumbnail").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"));
    }

    @Test
    void aStreamOfUnknownLengthIsStoredWholeAndOnce() throws Exception {
        byte[] bytes = new byte[700_000];
        new Random(7).nextBytes(bytes);
        bytes[0] = (byte) System.nanoTime();
        String sha = EvidenceService.sha256(bytes);
        try (S3EvidenceStore node = new S3EvidenceStore(S3MockServer.settings(S3MockServer.BUCKET, false))) {
            assertThat(node.exists(sha)).isFalse();
            assertThatThrownBy(() -> node.open(sha)).isInstanceOf(FileNotFoundException.class);
            node.put(sha, new ByteArrayInputStream(bytes));
            node.put(sha, new ByteArrayInputStream(bytes));
            try (InputStream in = new HashCheckedStream(node.open(sha), sha)) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
        }
    }

    @Test
    void aLostObjectIsA422WithAChineseMessage() throws Exception {
        County c = fixtures.county();
        String token = Logins.token(mvc, c.liaisonAUser());
        byte[] pdf = EvidenceFiles.pdf("S3 " + c.tag());
        String sha = EvidenceService.sha256(pdf);
        String body = mvc.perform(multipart("/api/v1/units/" + c.townshipA().id() + "/evidence")
                        .file(new MockMultipartFile("file", "方案.pdf", "application/pdf", pdf)).header("Authorization", token))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        try (S3Client s3 = client()) {
            s3.deleteObject(b -> b.bucket(S3MockServer.BUCKET).key(sha));
        }

        mvc.perform(get("/api/v1/evidence/" + id + "/file").header("Authorization", token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type", endsWith("/evidence-missing")))
                .andExpect(jsonPath("$.detail", containsString("缺失")));
    }

    @Test
    void aMissingBucketStopsTheStoreUnlessItMayCreateIt() {
        String bucket = "gj-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> new S3EvidenceStore(S3MockServer.settings(bucket, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(bucket);
        try (S3EvidenceStore created = new S3EvidenceStore(S3MockServer.settings(bucket, true))) {
            assertThat(created.exists("0".repeat(64))).isFalse();
        }
    }

    private static S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(S3MockServer.endpoint())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"))).build();
    }
}
