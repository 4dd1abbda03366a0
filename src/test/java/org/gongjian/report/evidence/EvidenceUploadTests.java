package org.gongjian.report.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.gongjian.identity.Role;
import org.gongjian.report.EvidenceFiles;
import org.gongjian.report.EvidenceService;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures.County;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Uploading evidence: the content decides the type, limits hold, names are only names, photos tell when and where. */
class EvidenceUploadTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired FileEvidenceStore store;

    County c;
    String liaisonA;

    @BeforeEach
    void county() throws Exception {
        c = fixtures.county();
        liaisonA = Logins.token(mvc, c.liaisonAUser());
    }

    @Test
    void anExeRenamedToJpgIsRefusedAndNothingIsStored() throws Exception {
        long filesBefore = storedFiles();
        byte[] exe = EvidenceFiles.exe();

        upload(liaisonA, c.townshipA().id(), "现场照片.jpg", exe)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail", containsString("可执行程序")));

        assertThat(rows(c.townshipA().id())).isZero();
        assertThat(store.exists(EvidenceService.sha256(exe))).isFalse();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void emptyOversizedUnknownAndBrokenFilesAreRefusedWithAReason() throws Exception {
        long unit = c.townshipA().id();
        upload(liaisonA, unit, "空.pdf", new byte[0]).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("空")));

        byte[] big = new byte[1024 * 1024 + 1]; // the test limit is 1 MB
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, big, 0, 9);
        upload(liaisonA, unit, "大文件.pdf", big).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail", containsString("1 MB")));

        upload(liaisonA, unit, "说明.txt", "只是文字".getBytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("仅支持")));

        byte[] brokenJpeg = new byte[2048];
        byte[] header = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        System.arraycopy(header, 0, brokenJpeg, 0, header.length);
        for (int i = header.length; i < brokenJpeg.length; i++) {
            brokenJpeg[i] = (byte) (i * 31);
        }
        upload(liaisonA, unit, "坏图.jpg", brokenJpeg).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("损坏")));

        byte[] truncatedPng = java.util.Arrays.copyOf(EvidenceFiles.png(400, 300, 3), 60);
        upload(liaisonA, unit, "半张.png", truncatedPng).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("损坏")));

        upload(liaisonA, unit, "压缩包.zip", EvidenceFiles.zip("a.txt", "b.txt")).andExpect(status().isUnprocessableContent());
        upload(liaisonA, unit, "宏.docx", EvidenceFiles.zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("宏")));
        byte[] oldWord = new byte[512];
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(ole, 0, oldWord, 0, ole.length);
        upload(liaisonA, unit, "旧版.doc", oldWord).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString(".docx")));

        assertThat(rows(unit)).isZero();
    }

    @Test
    void pathTraversalNamesAreOnlyDisplayNamesAndFilesLandUnderTheStore() throws Exception {
        long unit = c.townshipA().id();
        String[][] cases = {
                {"../../etc/passwd", "passwd.png"},
                {"..\\..\\Windows\\system32\\evil.png", "evil.png"},
                {"/var/tmp/../x.png", "x.png"},
                {"a\u0000b\u0007c\u202Egnp.exe", "abcgnp.exe.png"},
                {"..", "佐证材料.png"},
        };
        for (int i = 0; i < cases.length; i++) {
            byte[] png = EvidenceFiles.png(40 + i, 30, i);
            String body = upload(liaisonA, unit, cases[i][0], png).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.fileName").value(cases[i][1]))
                    .andReturn().getResponse().getContentAsString();
            String sha = JsonPath.read(body, "$.sha256");
            assertThat(sha).isEqualTo(EvidenceService.sha256(png));
            Path stored = store.pathOf(sha);
            assertThat(stored).exists().startsWith(store.root());
            assertThat(stored.toString()).endsWith(sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
        }
        String longName = "很".repeat(300) + ".pdf";
        upload(liaisonA, unit, longName, EvidenceFiles.pdf("long")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName", startsWith("很很很")))
                .andExpect(result -> assertThat(JsonPath.<String>read(result.getResponse().getContentAsString(), "$.fileName"))
                        .hasSizeLessThanOrEqualTo(EvidenceFileName.MAX_LENGTH).endsWith(".pdf"));
        try (Stream<Path> all = Files.walk(store.root())) {
            assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.matches("[0-9a-f]{64}"));
        }
    }

    @Test
    void aPhotoTellsWhenAndWhereAndGetsAnUprightThumbnail() throws Exception {
        byte[] photo = EvidenceFiles.photo(1200, 800, "2026:05:01 10:30:00", 30.2741234, 120.1551234);
        String body = upload(liaisonA, c.townshipA().id(), "IMG_0001.JPG", photo).andExpect(status().isCreated())
                .andExpect(jsonPath("$.photo").value(true))
                .andExpect(jsonPath("$.contentType").value("image/jpeg"))
                .andExpect(jsonPath("$.fileName").value("IMG_0001.jpg"))
                .andExpect(jsonPath("$.latitude").value(30.2741234))
                .andExpect(jsonPath("$.longitude").value(120.1551234))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        // No offset in the EXIF: the camera's clock is read as China time.
        assertThat(Instant.parse(toInstant(JsonPath.read(body, "$.capturedAt")))).isEqualTo(Instant.parse("2026-05-01T02:30:00Z"));

        byte[] thumb = mvc.perform(get("/api/v1/evidence/" + id + "/thumbnail").header("Authorization", liaisonA))
                .andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumb));
        // 1200×800 turned a quarter (orientation 6): 213×320.
        assertThat(image.getHeight()).isEqualTo(320);
        assertThat(image.getWidth()).isBetween(212, 214);
        // The red block that was top-left is top-right once turned clockwise.
        assertThat(red(image.getRGB(image.getWidth() - 5, 5))).isTrue();
        assertThat(red(image.getRGB(5, 5))).isFalse();
        String thumbSha = jdbc.sql("SELECT thumbnail_sha256 FROM evidence WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(store.exists(thumbSha)).isTrue();

        // A plain JPEG without EXIF: no time, no place, still a thumbnail.
        String plain = upload(liaisonA, c.townshipA().id(), "plain.jpg", EvidenceFiles.jpeg(200, 100, 9))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.capturedAt").isEmpty())
                .andExpect(jsonPath("$.latitude").isEmpty()).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/v1/evidence/" + JsonPath.read(plain, "$.id") + "/thumbnail").header("Authorization", liaisonA))
                .andExpect(status().isOk());
    }

    @Test
    void pngPdfDocxAndXlsxAreAcceptedByContentWhateverTheirNames() throws Exception {
        long unit = c.townshipA().id();
        upload(liaisonA, unit, "截图.png", EvidenceFiles.png(64, 48, 5)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png")).andExpect(jsonPath("$.photo").value(true));
        upload(liaisonA, unit, "方案.docx", EvidenceFiles.pdf("实施方案")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.fileName").value("方案.pdf")).andExpect(jsonPath("$.photo").value(false));
        upload(liaisonA, unit, "会议纪要", EvidenceFiles.docx("会议纪要")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value(EvidenceType.DOCX.contentType()))
                .andExpect(jsonPath("$.fileName").value("会议纪要.docx"));
        upload(liaisonA, unit, "台账.xlsx", EvidenceFiles.xlsx("台账")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value(EvidenceType.XLSX.contentType()))
                .andExpect(jsonPath("$.fileName").value("台账.xlsx"));
        // Entry names only are read: 50 MB of zeros inside cost nothing.
        upload(liaisonA, unit, "bomb.xlsx", EvidenceFiles.zipBomb(50L * 1024 * 1024)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value(EvidenceType.XLSX.contentType()));
        assertThat(rows(unit)).isEqualTo(5);
    }

    @Test
    void theSameBytesTwiceAreOneEvidence() throws Exception {
        byte[] pdf = EvidenceFiles.pdf("一次采集");
        String first = upload(liaisonA, c.townshipA().id(), "一次.pdf", pdf).andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/evidence/")))
                .andReturn().getResponse().getContentAsString();
        String head = fixtures.user("head" + c.tag(), c.townshipA(), Role.UNIT_HEAD);
        upload(Logins.token(mvc, head), c.townshipA().id(), "再次.pdf", pdf).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value((Object) JsonPath.read(first, "$.id")))
                .andExpect(jsonPath("$.fileName").value("一次.pdf"))
                .andExpect(jsonPath("$.uploadedBy").value(c.liaisonAUser()));
        assertThat(rows(c.townshipA().id())).isEqualTo(1);
        // Another unit keeps its own record of the same content (the bytes are stored once).
        upload(Logins.token(mvc, c.liaisonBUser()), c.townshipB().id(), "一次.pdf", pdf).andExpect(status().isCreated());
        assertThat(rows(c.townshipB().id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'evidence.create' AND entity_id = :id")
                .param("id", String.valueOf((Object) JsonPath.read(first, "$.id"))).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyReportingRolesUploadAndOnlyIntoTheirScope() throws Exception {
        byte[] pdf = EvidenceFiles.pdf("权限");
        upload(Logins.token(mvc, c.leaderUser()), c.townshipA().id(), "x.pdf", pdf).andExpect(status().isForbidden());
        String cadre = fixtures.user("cad" + c.tag(), c.townshipA(), Role.CADRE);
        upload(Logins.token(mvc, cadre), c.townshipA().id(), "x.pdf", pdf).andExpect(status().isForbidden());
        upload(Logins.token(mvc, c.orgDeptUser()), c.townshipA().id(), "x.pdf", pdf).andExpect(status().isForbidden());
        upload(Logins.token(mvc, c.liaisonBUser()), c.townshipA().id(), "x.pdf", pdf).andExpect(status().isNotFound());
        String supervisor = fixtures.user("sup" + c.tag(), c.county(), Role.SUPERVISOR);
        upload(Logins.token(mvc, supervisor), c.villageA().id(), "x.pdf", pdf).andExpect(status().isCreated());
        mvc.perform(multipart("/api/v1/units/" + c.townshipA().id() + "/evidence").header("Authorization", liaisonA))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(rows(c.townshipA().id())).isZero();
    }

    @Test
    void theUiUploadsSeveralFilesAndSaysWhichWereRefused() throws Exception {
        MockHttpSession session = Logins.session(mvc, c.liaisonAUser());
        long unit = c.townshipA().id();
        mvc.perform(multipart("/evidence").param("unitId", String.valueOf(unit))
                        .file(new MockMultipartFile("file", "现场.png", "image/png", EvidenceFiles.png(80, 60, 11)))
                        .file(new MockMultipartFile("file", "工具.jpg", "image/jpeg", EvidenceFiles.exe()))
                        .session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("message").toString()).contains("1"))
                .andExpect(result -> assertThat(result.getFlashMap().get("problems").toString())
                        .contains("工具.jpg").contains("可执行程序"));
        assertThat(rows(unit)).isEqualTo(1);
        mvc.perform(get("/evidence").param("unitId", String.valueOf(unit)).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("现场.png")))
                .andExpect(content().string(containsString("accept=\"image/*,.pdf,.docx,.xlsx\"")));

        MockHttpSession cadre = Logins.session(mvc, fixtures.user("cad" + c.tag(), c.townshipA(), Role.CADRE));
        mvc.perform(get("/evidence").param("unitId", String.valueOf(unit)).session(cadre))
                .andExpect(status().isOk()).andExpect(content().string(containsString("现场.png")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("evidence-upload-form"))));
        mvc.perform(multipart("/evidence").param("unitId", String.valueOf(unit))
                        .file(new MockMultipartFile("file", "现场2.png", "image/png", EvidenceFiles.png(81, 60, 12)))
                        .session(cadre).with(csrf()))
                .andExpect(status().isForbidden());
    }

    private ResultActions upload(String token, long unitId, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/units/" + unitId + "/evidence")
                .file(new MockMultipartFile("file", name, "image/jpeg", bytes)).header("Authorization", token));
    }

    private long rows(long unitId) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence WHERE unit_id = :u").param("u", unitId).query(Long.class).single();
    }

    private long storedFiles() throws IOException {
        if (!Files.exists(store.root())) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(store.root())) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    private static String toInstant(String text) {
        return java.time.OffsetDateTime.parse(text).toInstant().toString();
    }

    private static boolean red(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        return r > 120 && g < 80;
    }
}
