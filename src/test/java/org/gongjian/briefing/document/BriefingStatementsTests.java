package org.gongjian.briefing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statement budget of a briefing's draft: a fixed number of statements whatever the number of tasks and lead
 * units (a city's campaign has 100,000 tasks over 3,800 units; the briefing read every task as a full view and each
 * lead unit one by one). The red list is capped at what a leader reads, and says how many it leaves out.
 */
class BriefingStatementsTests extends IntegrationTest {

    static final BriefingPeriod JUNE = BriefingPeriod.parse("2026-06");
    static final DataScope ALL = DataScope.everything();

    @Autowired OrgFixtures fixtures;
    @Autowired OrgService org;
    @Autowired BulkLitTasks bulk;
    @Autowired BriefingService briefings;

    @Test
    void aBriefingsStatementsDoNotGrowWithTheTasksOrTheirUnits() {
        OrgFixtures.County c = fixtures.county();
        List<Long> four = List.of(c.townshipA().id(), c.townshipB().id(), c.villageA().id(), c.department().id());
        List<Long> forty = new ArrayList<>(four);
        for (int i = 0; i < 36; i++) {
            forty.add(org.createUnit(new UnitCommand("丙村" + i + c.tag(), UnitKind.VILLAGE, c.townshipB().id(),
                    "KBV" + i + c.tag()), ALL).id());
        }
        long small = bulk.campaign("通报四十" + c.tag(), c.county().id(), four, 40);
        long large = bulk.campaign("通报四百" + c.tag(), c.county().id(), forty, 400);

        var of40 = StatementCounter.count(() -> briefings.briefing(small, JUNE, ALL));
        var of400 = StatementCounter.count(() -> briefings.briefing(large, JUNE, ALL));

        assertThat(of40.result().data().figures().tasks()).isEqualTo(40);
        assertThat(of400.result().data().figures().tasks()).isEqualTo(400);
        assertThat(of400.result().data().units()).hasSize(40);
        assertThat(of400.result().data().reporting()).hasSize(40);
        assertThat(of400.count()).as("%s", of400.statements()).isEqualTo(of40.count()).isLessThanOrEqualTo(23);
    }

    @Test
    void theRedListShowsTheLeastAdvancedAndCountsTheRest() {
        OrgFixtures.County c = fixtures.county();
        List<Long> units = List.of(c.townshipA().id(), c.townshipB().id(), c.villageA().id(), c.department().id());
        // a sixth red (task i with i mod 6 = 4): 6 of 40, 66 of 400
        BriefingData few = briefings.briefing(bulk.campaign("通报少" + c.tag(), c.county().id(), units, 40), JUNE, ALL).data();
        BriefingData many = briefings.briefing(bulk.campaign("通报多" + c.tag(), c.county().id(), units, 400), JUNE, ALL).data();

        assertThat(few.redTasks()).hasSize(6);
        assertThat(few.redTasksLeftOut()).isZero();
        assertThat(BriefingTables.redSentence(few)).isEqualTo("本月共有6项任务（含分解到各单位的子任务）亮红灯，具体如下：");

        assertThat(many.redTasks()).hasSize(BriefingAssembler.RED_LISTED);
        assertThat(many.redTasksLeftOut()).isEqualTo(66 - BriefingAssembler.RED_LISTED);
        assertThat(BriefingTables.redSentence(many)).isEqualTo(
                "本月共有66项任务（含分解到各单位的子任务）亮红灯，以下列出进度最慢的50项，其余16项未列出：");
        // the 50 least advanced of the 66 (progress (i × 37) mod 100 of every sixth task from the fifth)
        List<BigDecimal> all = new ArrayList<>();
        for (int i = 4; i < 400; i += 6) {
            all.add(BigDecimal.valueOf((i * 37) % 100));
        }
        all.sort(null);
        BigDecimal highestListed = many.redTasks().stream().map(BriefingData.RedTask::progress).max(BigDecimal::compareTo)
                .orElseThrow();
        assertThat(highestListed).isEqualByComparingTo(all.get(BriefingAssembler.RED_LISTED - 1));
        // listed by unit, least progress first within a unit, as before
        assertThat(many.redTasks()).isSortedAccordingTo(java.util.Comparator.comparing(BriefingData.RedTask::leadUnit)
                .thenComparing(BriefingData.RedTask::progress));
        // the next steps count all red tasks, not only the listed ones (every sixth task from the fifth: units 0 and 2)
        assertThat(many.narrative().nextSteps()).contains(
                BriefingText.named(List.of(c.villageA().name(), c.townshipA().name())) + "的66项红灯任务");
    }

    @Test
    void aBriefingFrozenBeforeTheCapReadsWithNothingLeftOut() {
        BriefingData d = BriefingSamples.november(true);
        String json = CanonicalJson.write(d).replace(",\"redTasksLeftOut\":0", "");
        assertThat(json).doesNotContain("redTasksLeftOut");
        assertThat(CanonicalJson.read(json, BriefingData.class)).isEqualTo(d);
    }
}
