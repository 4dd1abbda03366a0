package org.gongjian.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The canonical form a content hash covers: sorted keys, plain numbers, ISO dates, so equal content hashes alike. */
class PledgeHashingTests {

    @Test
    void canonicalJsonSortsKeysAtEveryLevel() {
        String json = PledgeHashing.canonical(content("1200"));
        assertThat(json).startsWith("{\"amendmentReason\":");
        assertOrdered(json, "\"amendmentReason\"", "\"campaignName\"", "\"commitments\"", "\"issuerName\"",
                "\"penalties\"", "\"rewards\"", "\"signatoryTitle\"", "\"tasks\"", "\"unitName\"", "\"version\"");
        assertOrdered(json, "\"dueDate\"", "\"indicators\"", "\"milestones\"", "\"taskId\"");
        assertThat(json).contains("\"taskId\":7,\"title\":\"新增城镇就业\"}")
                .contains("{\"dueDate\":\"2026-03-31\",\"title\":\"完成方案编制\"}");
        assertOrdered(json, "\"baseline\"", "\"direction\"", "\"name\"", "\"target\"", "\"unit\"");
    }

    @Test
    void canonicalJsonWritesPlainNumbersIsoDatesAndChineseAsIs() {
        String json = PledgeHashing.canonical(content("1200.00"));
        assertThat(json).contains("\"target\":1200,").contains("\"baseline\":0.5,")
                .contains("\"dueDate\":\"2026-11-30\"").contains("\"unitName\":\"甲镇\"")
                .doesNotContain("E+").doesNotContain("\\u");
    }

    @Test
    void equalAmountsWrittenDifferentlyHashAlike() {
        String plain = PledgeHashing.sha256(PledgeHashing.canonical(content("1200")));
        assertThat(PledgeHashing.sha256(PledgeHashing.canonical(content("1200.00")))).isEqualTo(plain);
        assertThat(PledgeHashing.sha256(PledgeHashing.canonical(content("1.2E+3")))).isEqualTo(plain);
        assertThat(PledgeHashing.sha256(PledgeHashing.canonical(content("1200.000000")))).isEqualTo(plain);
    }

    @Test
    void canonicalFormIsStableAcrossAReadAndWrite() {
        String json = PledgeHashing.canonical(content("1200.00"));
        assertThat(PledgeHashing.canonical(content("1200.00"))).isEqualTo(json);
        assertThat(PledgeHashing.canonical(PledgeHashing.read(json))).isEqualTo(json);
        assertThat(PledgeHashing.read(json).tasks().get(0).indicators().get(0).target()).isEqualByComparingTo("1200");
    }

    @Test
    void changedTargetChangesTheHash() {
        String hash = PledgeHashing.sha256(PledgeHashing.canonical(content("1200")));
        assertThat(PledgeHashing.sha256(PledgeHashing.canonical(content("1201")))).isNotEqualTo(hash);
        assertThat(PledgeHashing.sha256(PledgeHashing.canonical(content("1200.01")))).isNotEqualTo(hash);
    }

    @Test
    void changedTermsOrDatesChangeTheHash() {
        PledgeContent base = content("1200");
        String hash = PledgeHashing.sha256(PledgeHashing.canonical(base));
        PledgeContent otherPenalty = new PledgeContent(base.campaignName(), base.unitName(), base.signatoryTitle(),
                base.issuerName(), base.version(), base.tasks(), base.commitments(), base.rewards(), "从轻处理",
                base.amendmentReason());
        PledgeContent.PledgedTask t = base.tasks().get(0);
        PledgeContent laterDue = new PledgeContent(base.campaignName(), base.unitName(), base.signatoryTitle(),
                base.issuerName(), base.version(), List.of(new PledgeContent.PledgedTask(t.taskId(), t.title(),
                t.dueDate().plusDays(1), t.indicators(), t.milestones())), base.commitments(), base.rewards(),
                base.penalties(), base.amendmentReason());
        assertThat(PledgeHashing.sha256(PledgeHashing.canonical(otherPenalty))).isNotEqualTo(hash);
        assertThat(PledgeHashing.sha256(PledgeHashing.canonical(laterDue))).isNotEqualTo(hash);
    }

    @Test
    void sha256IsHexOfUtf8() {
        assertThat(PledgeHashing.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(PledgeHashing.sha256("军令状")).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void firstLinkStartsFromTheGenesisAndEveryPartCounts() {
        String link = PledgeHashing.link(null, "c", "SIGNATORY:1:0;ISSUER:2:0;");
        assertThat(link).isEqualTo(PledgeHashing.sha256("0".repeat(64) + "|c|SIGNATORY:1:0;ISSUER:2:0;"));
        assertThat(PledgeHashing.link(PledgeHashing.GENESIS, "c", "SIGNATORY:1:0;ISSUER:2:0;")).isEqualTo(link);
        assertThat(PledgeHashing.link("1".repeat(64), "c", "SIGNATORY:1:0;ISSUER:2:0;")).isNotEqualTo(link);
        assertThat(PledgeHashing.link(null, "d", "SIGNATORY:1:0;ISSUER:2:0;")).isNotEqualTo(link);
        assertThat(PledgeHashing.link(null, "c", "SIGNATORY:1:0;ISSUER:3:0;")).isNotEqualTo(link);
    }

    static PledgeContent content(String target) {
        return new PledgeContent("重点工作攻坚年", "甲镇", "甲镇主要负责人", "中共示范县委员会、示范县人民政府", 1,
                List.of(new PledgeContent.PledgedTask(7, "新增城镇就业", LocalDate.of(2026, 11, 30),
                        List.of(new PledgeContent.PledgedIndicator("新增城镇就业人数", "人", new BigDecimal("0.50"),
                                new BigDecimal(target), "HIGHER_IS_BETTER")),
                        List.of(new PledgeContent.PledgedMilestone("完成方案编制", LocalDate.of(2026, 3, 31))))),
                "确保完成", "加分", "约谈", null);
    }

    private static void assertOrdered(String json, String... keys) {
        int at = -1;
        for (String key : keys) {
            int next = json.indexOf(key);
            assertThat(next).as("%s after position %d in %s", key, at, json).isGreaterThan(at);
            at = next;
        }
    }
}
