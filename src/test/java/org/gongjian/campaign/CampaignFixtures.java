package org.gongjian.campaign;

import java.io.UnsupportedEncodingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns and tasks for a test's own county, made through the services (the API under test is exercised by the
 * tests themselves): a 2026 campaign, plain tasks, and the 新增城镇就业人数 0 → 1000 人 task.
 */
@Component
class CampaignFixtures {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final String JOBS = "新增城镇就业人数";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CampaignService campaigns;
    private final TaskService tasks;

    CampaignFixtures(CampaignService campaigns, TaskService tasks) {
        this.campaigns = campaigns;
        this.tasks = tasks;
    }

    CampaignView campaign(UnitView owner) {
        return campaigns.create(new CampaignCommand("重点工作攻坚年" + owner.code(), 2026, START, END, owner.id(), null,
                ReportingFrequency.MONTHLY, null, null, null, null, null), DataScope.everything());
    }

    TaskView task(CampaignView campaign, String title, UnitView lead, UnitView... cooperating) {
        return tasks.create(campaign.id(), command(title, lead, List.of(),
                List.of(cooperating).stream().map(UnitView::id).toList()), DataScope.everything());
    }

    TaskView taskIn(CampaignView campaign, String category, String title, UnitView lead) {
        return tasks.create(campaign.id(), new TaskCommand(title, null, category, lead.id(), null, null, null, START, END,
                null, null), DataScope.everything());
    }

    TaskView jobsTask(CampaignView campaign, String title, UnitView lead) {
        return tasks.create(campaign.id(), command(title, lead, List.of(new TaskCommand.IndicatorInput(null, JOBS, "人",
                BigDecimal.ZERO, new BigDecimal("1000"), Direction.HIGHER_IS_BETTER)), List.of()), DataScope.everything());
    }

    TaskService.Decomposition decompose(TaskView parent, UnitView lead, String target) {
        return tasks.decompose(parent.id(), List.of(new SubtaskCommand(lead.name() + "分解任务", lead.id(), null,
                new BigDecimal(target), null, null)), DataScope.everything());
    }

    static TaskCommand command(String title, UnitView lead, List<TaskCommand.IndicatorInput> indicators,
                               List<Long> cooperating) {
        return new TaskCommand(title, null, "民生改善", lead.id(), null, cooperating, null, START, END, indicators, List.of());
    }

    /** The response body as a tree (read as UTF-8: MockMvc would default to ISO-8859-1 and garble Chinese). */
    static JsonNode body(ResultActions result) throws UnsupportedEncodingException {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
