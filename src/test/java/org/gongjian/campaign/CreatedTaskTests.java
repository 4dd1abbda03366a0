package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A created task is answered (and audited) as built from what was inserted, not read back (issue #18): it must be
 * exactly what a read of the task gives — every column's scale, the trimmed names, milestones in date order, a
 * trajectory's points one per date in date order, cooperating units in id order, the lead leader's name — and its
 * own progress (milestones given as done) is stored with it, for a top-level task and a subtask alike.
 */
class CreatedTaskTests extends IntegrationTest {

    @Autowired OrgFixtures org;
    @Autowired CampaignFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    @Test
    void aCreatedTaskIsWhatAReadOfItGives() {
        OrgFixtures.County c = org.county();
        CampaignView campaign = fixtures.campaign(c.county());
        TaskCommand command = new TaskCommand("  稳就业 " + c.tag() + " ", "说明 ", "民生改善", c.townshipA().id(),
                c.cadreA().id(), List.of(c.department().id(), c.townshipB().id(), c.department().id()),
                new BigDecimal("1.5"), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 11, 30),
                List.of(new TaskCommand.IndicatorInput(null, " 新增就业 ", " 人 ", new BigDecimal("12.5"),
                                new BigDecimal("1000"), Direction.HIGHER_IS_BETTER, List.of(
                                        new TaskCommand.PointInput(LocalDate.of(2026, 9, 30), new BigDecimal("700")),
                                        new TaskCommand.PointInput(LocalDate.of(2026, 6, 30), new BigDecimal("300.25")),
                                        new TaskCommand.PointInput(LocalDate.of(2026, 9, 30), new BigDecimal("650")))),
                        new TaskCommand.IndicatorInput(null, "失业率", "%", new BigDecimal("4.2"), new BigDecimal("3"),
                                Direction.LOWER_IS_BETTER)),
                List.of(new TaskCommand.MilestoneInput(null, "年度考核 ", LocalDate.of(2026, 11, 20), null),
                        new TaskCommand.MilestoneInput(null, "招聘会", LocalDate.of(2026, 5, 31), LocalDate.of(2026, 5, 30)),
                        new TaskCommand.MilestoneInput(null, "培训", LocalDate.of(2026, 5, 31), null)));

        TaskView created = tasks.create(campaign.id(), command, DataScope.everything());

        TaskView read = tasks.task(created.id(), DataScope.everything());
        assertThat(created).isEqualTo(read);
        assertThat(created.progress()).isEqualByComparingTo("16.67"); // half of one of three milestones done
        assertThat(created.leadLeaderName()).isEqualTo(c.cadreA().name());
        assertThat(created.indicators().get(0).trajectory()).extracting(TaskView.PointView::value)
                .containsExactly(new BigDecimal("300.2500"), new BigDecimal("650.0000"));

        TaskView subtask = tasks.decompose(created.id(), List.of(new SubtaskCommand("甲镇分解", c.townshipA().id(),
                null, new BigDecimal("500"), null, LocalDate.of(2026, 10, 31))), DataScope.everything()).subtasks().get(0);
        assertThat(subtask).isEqualTo(tasks.task(subtask.id(), DataScope.everything()));
        // the parent's progress was rolled up with the new subtask in (a fresh split keeps the parent's own)
        assertThat(tasks.task(created.id(), DataScope.everything()).progress()).isEqualByComparingTo("16.67");
        assertThat(jdbc.sql("SELECT after_state FROM audit_event WHERE entity_type = 'task' AND entity_id = ?")
                .param(String.valueOf(created.id())).query(String.class).list()).singleElement().asString()
                .contains("\"weight\":1.50", "\"baseline\":12.5000");
    }
}
