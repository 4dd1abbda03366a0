package org.gongjian.report.evidence;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** --gongjian.evidence.migrate=SOURCE:TARGET copies every file, verifies every hash and says so in its exit code. */
class EvidenceMigrationTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired EvidenceMigration migration;
    @Autowired EvidenceRows rows;
    @Autowired EvidenceStore configured;

    @Test
    void everyUploadedFileAndThumbnailMovesFromTheFolderToTheDatabaseVerified() throws Exception {
        County c = fixtures.county();
        String token = Logins.token(mvc, c.liaisonAUser());
        byte[] photo = EvidenceFiles.jpeg(200, 150, c.tag().hashCode());
        byte[] pdf = EvidenceFiles.pdf("迁移 " + c.tag());
        upload(token, c.townshipA().id(), "照片.jpg", photo);
        upload(token, c.townshipA().id(), "方案.pdf", pdf);
        String thumbnail = jdbc.sql("SELECT thumbnail_sha256 FROM evidence WHERE sha256 = :s")
                .param("s", EvidenceService.sha256(photo)).query(String.class).single();
        List<String> ours = List.of(EvidenceService.sha256(photo), EvidenceService.sha256(pdf), thumbnail);
        assertThat(rows.allContentHashes()).containsAll(ours);

        DbEvidenceStore target = new DbEvidenceStore(jdbc, transactions);
        EvidenceMigration.Result first = migration.copy("local:db", configured, target, ours);
        assertThat(first.exitCode()).isZero();
        assertThat(first.copied()).isEqualTo(3);
        for (String hash : ours) {
            try (InputStream in = new HashCheckedStream(target.open(hash), hash)) {
                in.readAllBytes();
            }
        }

        EvidenceMigration.Result again = migration.copy("local:db", configured, target, ours);
        assertThat(again.exitCode()).isZero();
        assertThat(again.copied()).isZero();
        assertThat(again.alreadyThere()).isEqualTo(3);
    }

    @Test
    void aMissingOrCorruptedSourceFileIsNamedAndTheExitCodeIsOne(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        FileEvidenceStore source = new FileEvidenceStore(dir.toString());
        byte[] good = random(3000);
        byte[] bad = random(4000);
        String goodSha = EvidenceService.sha256(good);
        String badSha = EvidenceService.sha256(bad);
        String missingSha = EvidenceService.sha256(random(10));
        source.put(goodSha, good);
        source.put(badSha, bad);
        bad[0] ^= 1;
        Files.write(source.pathOf(badSha), bad);

        DbEvidenceStore target = new DbEvidenceStore(jdbc, transactions);
        EvidenceMigration.Result result = migration.copy("local:db", source, target, List.of(goodSha, badSha, missingSha));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.copied()).isEqualTo(1);
        assertThat(result.failures()).hasSize(2)
                .anySatisfy(f -> assertThat(f).startsWith(missingSha).contains("missing in the source"))
                .anySatisfy(f -> assertThat(f).startsWith(badSha).contains("corrupted"));
        assertThat(target.exists(goodSha)).isTrue();
        assertThat(target.exists(badSha)).as("corrupted content is never copied").isFalse();
    }

    @Test
    void badArgumentsExitWithTwoAndCopyNothing() {
        for (String spec : List.of("local", "local:local", "ftp:s3", "local:db:s3", "")) {
            assertThat(migration.migrate(spec).exitCode()).as(spec).isEqualTo(2);
        }
    }

    private void upload(String token, long unit, String name, byte[] bytes) throws Exception {
        String body = mvc.perform(multipart("/api/v1/units/" + unit + "/evidence")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                        .header("Authorization", token))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(body, "$.id")).longValue()).isPositive();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(System.nanoTime()).nextBytes(bytes);
        return bytes;
    }
}
