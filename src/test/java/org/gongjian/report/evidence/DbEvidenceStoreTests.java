package org.gongjian.report.evidence;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import com.jayway.jsonpath.JsonPath;
import org.gongjian.report.EvidenceFiles;
import org.gongjian.report.EvidenceService;
import org.gongjian.report.EvidenceStore;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Evidence kept in the database (gongjian.evidence.store=db): chunked, shared by every node, checked on every read. */
@TestPropertySource(properties = "gongjian.evidence.store=db")
class DbEvidenceStoreTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired EvidenceStore configured;

    @Test
    void theConfiguredStoreIsTheDatabase() {
        assertThat(configured).isInstanceOf(DbEvidenceStore.class);
    }

    @Test
    void aFileLargerThanAChunkIsSplitAndComesBackIdenticalOnAnotherNode() throws Exception {
        byte[] bytes = random(2 * DbEvidenceStore.CHUNK_BYTES + 1234);
        String sha = EvidenceService.sha256(bytes);

        node().put(sha, new ByteArrayInputStream(bytes));

        assertThat(chunks(sha)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT size_bytes FROM evidence_content WHERE sha256 = :s").param("s", sha)
                .query(Long.class).single()).isEqualTo(bytes.length);
        DbEvidenceStore otherNode = node();
        assertThat(otherNode.exists(sha)).isTrue();
        try (InputStream in = new HashCheckedStream(otherNode.open(sha), sha)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void theSameContentIsStoredOnce() throws Exception {
        byte[] bytes = random(1000);
        String sha = EvidenceService.sha256(bytes);
        node().put(sha, bytes);
        node().put(sha, bytes);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_content WHERE sha256 = :s").param("s", sha)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(chunks(sha)).isEqualTo(1);
    }

    @Test
    void anUploadThatBreaksHalfwayLeavesNoHalfFile() {
        byte[] bytes = random(DbEvidenceStore.CHUNK_BYTES + 10);
        String sha = EvidenceService.sha256(bytes);
        InputStream breaking = new InputStream() {
            int read;

            @Override
            public int read() throws IOException {
                if (read++ > DbEvidenceStore.CHUNK_BYTES + 5) {
                    throw new IOException("connection reset");
                }
                return bytes[read - 1] & 0xFF;
            }
        };

        assertThatThrownBy(() -> node().put(sha, breaking)).isInstanceOf(IOException.class).hasMessageContaining("reset");

        assertThat(node().exists(sha)).isFalse();
        assertThat(chunks(sha)).isZero();
    }

    @Test
    void absentContentIsFileNotFoundAndAlteredContentFailsItsHash() throws Exception {
        byte[] bytes = random(5000);
        String sha = EvidenceService.sha256(bytes);
        assertThatThrownBy(() -> node().open(sha)).isInstanceOf(FileNotFoundException.class);

        node().put(sha, bytes);
        byte[] altered = bytes.clone();
        altered[100] ^= 1;
        jdbc.sql("UPDATE evidence_chunk SET data = :d WHERE sha256 = :s").param("d", altered).param("s", sha).update();

        try (InputStream in = new HashCheckedStream(node().open(sha), sha)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(HashCheckedStream.EvidenceCorrupted.class)
                    .hasMessageContaining(sha);
        }
    }

    @Test
    void anUploadThroughTheApiIsInTheDatabaseAndALostFileIsA422UntilUploadedAgain() throws Exception {
        County c = fixtures.county();
        String token = Logins.token(mvc, c.liaisonAUser());
        byte[] pdf = EvidenceFiles.pdf("数据库存储 " + c.tag());
        String sha = EvidenceService.sha256(pdf);
        long unit = c.townshipA().id();

        String body = mvc.perform(multipart("/api/v1/units/" + unit + "/evidence")
                        .file(new MockMultipartFile("file", "台账.pdf", "application/pdf", pdf)).header("Authorization", token))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(node().exists(sha)).isTrue();
        mvc.perform(get("/api/v1/evidence/" + id + "/file").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));

        jdbc.sql("DELETE FROM evidence_chunk WHERE sha256 = :s").param("s", sha).update();
        jdbc.sql("DELETE FROM evidence_content WHERE sha256 = :s").param("s", sha).update();
        mvc.perform(get("/api/v1/evidence/" + id + "/file").header("Authorization", token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type", endsWith("/evidence-missing")))
                .andExpect(jsonPath("$.detail", containsString("缺失")));

        mvc.perform(multipart("/api/v1/units/" + unit + "/evidence")
                        .file(new MockMultipartFile("file", "台账.pdf", "application/pdf", pdf)).header("Authorization", token))
                .andExpect(status().is2xxSuccessful()).andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/evidence/" + id + "/file").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));
    }

    private DbEvidenceStore node() {
        return new DbEvidenceStore(jdbc, transactions);
    }

    private long chunks(String sha) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence_chunk WHERE sha256 = :s").param("s", sha).query(Long.class).single();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(System.nanoTime()).nextBytes(bytes);
        return bytes;
    }
}
