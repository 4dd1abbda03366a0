package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task view reads its indicators' planned trajectories in one statement, whatever the number of indicators: every
 * report's create and submit reads the task, and a task with five indicators cost four round trips more than one
 * with a single indicator (one trajectory read per indicator).
 */
class TaskViewStatementsTests extends IntegrationTest {

    @Autowired OrgFixtures org;
    @Autowired CampaignFixtures fixtures;
    @Autowired TaskService tasks;

    @Test
    void aTaskWithThreeIndicatorsIsReadInAsManyStatementsAsOneWithOne() {
        OrgFixtures.County c = org.county();
        CampaignView campaign = fixtures.campaign(c.county());
        TaskView one = tasks.create(campaign.id(), CampaignFixtures.command("单指标" + c.tag(), c.townshipA(),
                List.of(indicator("就业", "100", "2026-06-30", "40")), List.of()), DataScope.everything());
        TaskView three = tasks.create(campaign.id(), CampaignFixtures.command("多指标" + c.tag(), c.townshipA(),
                List.of(indicator("就业", "100", "2026-06-30", "40"), indicator("培训", "300", "2026-05-31", "90"),
                        indicator("创业", "20", "2026-09-30", "12")), List.of()), DataScope.everything());

        var readOne = StatementCounter.count(() -> tasks.task(one.id(), DataScope.everything()));
        var readThree = StatementCounter.count(() -> tasks.task(three.id(), DataScope.everything()));

        assertThat(readThree.count()).isEqualTo(readOne.count());
        List<TaskView.IndicatorView> indicators = readThree.result().indicators();
        assertThat(indicators).extracting(TaskView.IndicatorView::name).containsExactly("就业人数", "培训人数", "创业人数");
        assertThat(indicators).extracting(i -> i.trajectory().get(0).date()).containsExactly(
                LocalDate.parse("2026-06-30"), LocalDate.parse("2026-05-31"), LocalDate.parse("2026-09-30"));
        assertThat(indicators).allSatisfy(i -> assertThat(i.trajectory()).hasSize(2)
                .extracting(TaskView.PointView::date).isSorted());
    }

    /** An indicator planned to reach {@code midValue} by {@code midDate} and its target at the year's end. */
    private static TaskCommand.IndicatorInput indicator(String name, String target, String midDate, String midValue) {
        return new TaskCommand.IndicatorInput(null, name + "人数", "人", BigDecimal.ZERO, new BigDecimal(target),
                Direction.HIGHER_IS_BETTER, List.of(new TaskCommand.PointInput(LocalDate.parse(midDate), new BigDecimal(midValue)),
                        new TaskCommand.PointInput(LocalDate.parse("2026-12-31"), new BigDecimal(target))));
    }
}
