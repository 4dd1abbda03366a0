package org.gongjian.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.rectification.RectificationFixtures.Setup;
import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-off (销号) forgeries by someone who can write the database but has no chain key: a sealed sign-off rewritten
 * consistently (live row, sealed JSON, plain hashes), and a signed-off problem set back to "in progress" without a
 * reopening. Both are detected by verify.
 */
class SignOffForgeryTests extends IntegrationTest {

    private static final DataScope ALL = DataScope.everything();

    @Autowired RectificationFixtures fixtures;
    @Autowired ProblemService problems;
    @Autowired JdbcClient jdbc;

    @Test
    void aSignOffRewrittenWithEveryPlainHashRecomputedIsDetected() throws Exception {
        Setup s = fixtures.setup();
        ProblemView p = readyToSignOff(s);
        problems.signOff(p.id(), null, "整改到位", s.office(), ALL);
        assertThat(problems.verify(s.campaign().id(), ALL).intact()).isTrue();

        jdbc.sql("UPDATE rectification_problem SET signoff_reason = '整改未到位' WHERE id = :p").param("p", p.id()).update();
        String json = jdbc.sql("SELECT content_json FROM rectification_seal WHERE problem_id = :p").param("p", p.id())
                .query(String.class).single();
        String forged = json.replace("\"signoffReason\":\"整改到位\"", "\"signoffReason\":\"整改未到位\"");
        assertThat(forged).isNotEqualTo(json);
        String hash = CanonicalJson.sha256(forged);
        jdbc.sql("UPDATE rectification_seal SET content_json = :j, content_hash = :h, chain_hash = :c WHERE problem_id = :p")
                .param("j", forged).param("h", hash).param("c", ProblemChain.legacyLink(CanonicalJson.GENESIS, hash))
                .param("p", p.id()).update();

        ProblemChain.Verification v = problems.verify(s.campaign().id(), ALL);
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenProblemId()).isEqualTo(p.id());
        assertThat(v.problem()).contains("密钥化哈希校验失败");
    }

    @Test
    void aSignedOffProblemSetBackWithoutAReopeningIsDetected() throws Exception {
        Setup s = fixtures.setup();
        ProblemView p = readyToSignOff(s);
        problems.signOff(p.id(), null, "整改到位", s.office(), ALL);
        jdbc.sql("UPDATE rectification_problem SET status = 'IN_PROGRESS' WHERE id = :p").param("p", p.id()).update();
        ProblemChain.Verification v = problems.verify(s.campaign().id(), ALL);
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("已销号问题的状态被改为「整改中」");
    }

    private ProblemView readyToSignOff(Setup s) throws Exception {
        ProblemView p = problems.create(RectificationFixtures.selfInspection(s, Severity.MINOR, LocalDate.of(2026, 7, 31)),
                s.liaisonA(), s.scopeA());
        long measure = p.measures().get(0).id();
        problems.reportProgress(p.id(), measure, "已完成", List.of(fixtures.photo(s.c().townshipA().id(), 3)),
                s.liaisonA(), s.scopeA());
        return problems.judge(p.id(), measure, true, null, s.office(), ALL);
    }
}
