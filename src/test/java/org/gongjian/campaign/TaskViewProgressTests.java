package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task view explains its progress from the indicators and milestones it reads for itself (issue #18: it no longer
 * reads them twice); the explanation is exactly {@link TaskProgress#progressOf}'s, for a task on its own, a parent
 * whose subtasks have not moved, and one whose subtasks have.
 */
class TaskViewProgressTests extends IntegrationTest {

    @Autowired OrgFixtures org;
    @Autowired CampaignFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired TaskProgress progress;

    @Test
    void theViewsExplanationIsTaskProgresssOwn() {
        OrgFixtures.County c = org.county();
        CampaignView campaign = fixtures.campaign(c.county());
        TaskView parent = fixtures.jobsTask(campaign, "稳就业" + c.tag(), c.county());
        tasks.recordActual(parent.id(), parent.indicators().get(0).id(), new BigDecimal("150"));
        same(parent.id());

        TaskView subtask = fixtures.decompose(tasks.task(parent.id(), DataScope.everything()), c.townshipA(), "400")
                .subtasks().get(0);
        same(parent.id());
        same(subtask.id());

        tasks.recordActual(subtask.id(), subtask.indicators().get(0).id(), new BigDecimal("100"));
        same(parent.id());
        same(subtask.id());
        assertThat(tasks.task(parent.id(), DataScope.everything()).progressExplanation()).isNotEmpty();
    }

    private void same(long taskId) {
        TaskView view = tasks.task(taskId, DataScope.everything());
        assertThat(view.progressExplanation()).isEqualTo(progress.progressOf(taskId).explanation());
    }
}
