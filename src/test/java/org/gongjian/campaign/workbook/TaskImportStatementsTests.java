package org.gongjian.campaign.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonCommand;
import org.gongjian.org.PersonView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The statement budget of the workbook import (issue #18: 10,000 rows took 88.7 s, ~30 statements per task): its
 * statements — reads, the batched inserts of tasks, details, history and audit rows — are a handful per 1,000 rows,
 * not one per row. And what the batched path stores and audits is what creating the same
 * tasks one by one through {@link TaskService} stores and audits.
 */
class TaskImportStatementsTests extends IntegrationTest {

    @Autowired OrgFixtures fixtures;
    @Autowired OrgService org;
    @Autowired CampaignService campaigns;
    @Autowired TaskService tasks;
    @Autowired TaskImporter importer;
    @Autowired JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theImportsOwnStatementsDoNotGrowWithTheRows() throws Exception {
        OrgFixtures.County c = fixtures.county();
        PersonView deputy = deputy(c);
        long small = campaign(c, "小");
        long large = campaign(c, "大");
        byte[] hundred = workbook(c, deputy, 20);
        byte[] thousand = workbook(c, deputy, 200);

        var first = StatementCounter.count(() -> importer.importWorkbook(small, new ByteArrayInputStream(hundred),
                "100.xlsx", DataScope.everything()));
        var second = StatementCounter.count(() -> importer.importWorkbook(large, new ByteArrayInputStream(thousand),
                "1000.xlsx", DataScope.everything()));

        assertThat(first.result().created()).isEqualTo(100);
        assertThat(second.result().created()).isEqualTo(1_000);
        System.out.printf("import: 100 rows %d statements, 1,000 rows %d statements%n", first.count(), second.count());
        second.statements().forEach(sql -> System.out.println("  " + abbreviated(sql)));
        // Batches of up to 1,000 rows: ten times the rows adds a few batches (milestones: 1,200 rows), no statement per
        // row; the audit rows are batched too (one statement for the tasks' rows, one for the file's).
        assertThat(second.count()).isLessThanOrEqualTo(first.count() + 5).isLessThanOrEqualTo(45);
        assertThat(auditStatements(second.statements())).isEqualTo(2);
        // What the created tasks' events set off runs in these statements too (listeners in the same transaction, and
        // at its commit on this thread): no light evaluation, no cockpit mark, no message per task, and no
        // after-commit module listener whose publications the registry would store, one row per event. (The task rows
        // the import reads back join their light reasons, task_light_reason: read, not written.)
        assertThat(second.statements()).noneMatch(sql -> java.util.stream.Stream.of("event_publication", "cockpit_refresh",
                "task_light_state", "task_light_period", "into task_light_reason", "light_count", "light_campaign_mark",
                "notification").anyMatch(sql.toLowerCase(Locale.ROOT)::contains));
        assertThat(count("SELECT COUNT(*) FROM task WHERE campaign_id = :c", large)).isEqualTo(1_000);
        assertThat(count("SELECT COUNT(*) FROM task WHERE campaign_id = :c AND parent_task_id IS NOT NULL", large))
                .isEqualTo(800);
        assertThat(count("""
                SELECT COUNT(*) FROM task t JOIN task p ON p.id = t.parent_task_id
                WHERE t.campaign_id = :c AND t.title LIKE p.title || '分解%' AND p.id < t.id""", large)).isEqualTo(800);
        assertThat(count("SELECT COUNT(*) FROM task_change WHERE field = '创建' AND task_id IN "
                + "(SELECT id FROM task WHERE campaign_id = :c)", large)).isEqualTo(1_000);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'task.create' AND entity_id IN "
                + "(SELECT CAST(id AS VARCHAR(20)) FROM task WHERE campaign_id = :c)", large)).isEqualTo(1_000);
        assertThat(count("SELECT COUNT(*) FROM milestone WHERE task_id IN (SELECT id FROM task WHERE campaign_id = :c)",
                large)).isEqualTo(1_200);
        assertThat(count("SELECT COUNT(*) FROM task_cooperating_unit WHERE task_id IN "
                + "(SELECT id FROM task WHERE campaign_id = :c)", large)).isEqualTo(200);
    }

    /**
     * What the server runs, not only what the application sends: each INSERT or UPDATE PostgreSQL runs on task appends
     * a task_tally row per key it touches (a statement trigger), so the rows appended count the statements executed.
     * A JDBC batch sent as one statement per row (10,000 trigger runs for 10,000 tasks) or a subtask's parent set by
     * an UPDATE of its own would grow them with the rows.
     */
    @Test
    void theServerRunsAFewStatementsOnTaskPerThousandRowsNotOnePerRow() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgresRequested(), "PostgreSQL only (task_tally is a view on H2)");
        OrgFixtures.County c = fixtures.county();
        PersonView deputy = deputy(c);
        long small = campaign(c, "小");
        long large = campaign(c, "大");
        byte[] hundred = workbook(c, deputy, 20);
        byte[] thousand = workbook(c, deputy, 200);

        long before = tallyRows();
        importer.importWorkbook(small, new ByteArrayInputStream(hundred), "100.xlsx", DataScope.everything());
        long afterHundred = tallyRows();
        importer.importWorkbook(large, new ByteArrayInputStream(thousand), "1000.xlsx", DataScope.everything());
        long afterThousand = tallyRows();

        System.out.printf("import: task_tally rows appended, 100 rows %d, 1,000 rows %d%n", afterHundred - before,
                afterThousand - afterHundred);
        // Per statement one row per (category, light, level) it touched: two categories, two levels here.
        assertThat(afterThousand - afterHundred).isLessThanOrEqualTo(afterHundred - before + 40).isLessThan(100);
    }

    @Test
    void anImportedTaskIsStoredAndAuditedAsOneCreatedThroughTheService() throws Exception {
        OrgFixtures.County c = fixtures.county();
        PersonView deputy = deputy(c);
        long imported = campaign(c, "导入");
        long typed = campaign(c, "录入");
        TaskWorkbookTests.Book book = new TaskWorkbookTests.Book();
        book.task("重点任务", "项目建设", c.department().name()).set("序号", "1")
                .set("包保领导", deputy.name() + "（副县长）").set("配合单位", c.townshipA().name() + "、" + c.villageA().name())
                .set("权重", "2.5").set("完成时限", "2026-11-30").set("指标名称", "投资额").set("计量单位", "万元")
                .set("基期值", "100").set("目标值", "4000").set("时间节点", "2026-09-30 主体完工；2026-03-31 开工")
                .set("任务描述", "说明")
                .indicator("就业", "人", "0", "50", "越大越好")
                .task("重点任务分解", "", c.townshipA().name()).set("上级序号", "1")
                .set("指标名称", "投资额").set("计量单位", "万元").set("目标值", "1000").set("时间节点", "2026-06-30 完成过半");
        importer.importWorkbook(imported, new ByteArrayInputStream(book.bytes()), "one.xlsx", DataScope.everything());

        long parent = tasks.create(typed, null, new TaskCommand("重点任务", "说明", "项目建设", c.department().id(),
                deputy.id(), List.of(c.townshipA().id(), c.villageA().id()), new BigDecimal("2.5"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30), List.of(
                        new TaskCommand.IndicatorInput(null, "投资额", "万元", new BigDecimal("100"), new BigDecimal("4000"),
                                Direction.HIGHER_IS_BETTER),
                        new TaskCommand.IndicatorInput(null, "就业", "人", BigDecimal.ZERO, new BigDecimal("50"),
                                Direction.HIGHER_IS_BETTER)),
                List.of(new TaskCommand.MilestoneInput(null, "主体完工", LocalDate.of(2026, 9, 30), null),
                        new TaskCommand.MilestoneInput(null, "开工", LocalDate.of(2026, 3, 31), null))),
                DataScope.everything()).id();
        tasks.create(typed, parent, new TaskCommand("重点任务分解", null, "项目建设", c.townshipA().id(), null, List.of(),
                null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30), List.of(new TaskCommand.IndicatorInput(null,
                        "投资额", "万元", BigDecimal.ZERO, new BigDecimal("1000"), Direction.HIGHER_IS_BETTER)),
                List.of(new TaskCommand.MilestoneInput(null, "完成过半", LocalDate.of(2026, 6, 30), null))),
                DataScope.everything());

        assertThat(audited(imported)).isEqualTo(audited(typed)).hasSize(2);
        assertThat(stored(imported)).isEqualTo(stored(typed)).hasSize(2);
    }

    @Test
    void aRowTheServiceRulesRefuseIsNamedAndNothingIsStored() throws Exception {
        OrgFixtures.County c = fixtures.county();
        long campaign = campaign(c, "拒绝");
        TaskWorkbookTests.Book book = new TaskWorkbookTests.Book();
        // The workbook's own check lets a target below the baseline through; TaskChecks' direction rule refuses it.
        book.task("甲", "民生改善", c.townshipA().name()).task("乙", "民生改善", c.townshipB().name())
                .task("丙", "民生改善", c.townshipA().name()).set("指标名称", "就业").set("计量单位", "人")
                .set("基期值", "100").set("目标值", "50").set("指标方向", "越大越好");

        assertThatThrownBy(() -> importer.importWorkbook(campaign, new ByteArrayInputStream(book.bytes()), "bad.xlsx",
                DataScope.everything())).isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("第4行无法导入：指标“就业”越大越好，目标值不能低于基期值；未导入任何数据");
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.row()).isEqualTo(4);
                        assertThat(p.field()).isEqualTo("任务名称");
                    });
                });
        assertThat(count("SELECT COUNT(*) FROM task WHERE campaign_id = :c", campaign)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'task.import' AND entity_id = CAST(:c AS VARCHAR(20))",
                campaign)).isZero();
    }

    /** The audit rows of a campaign's task creations, ids left out (they differ between the two campaigns). */
    private List<String> audited(long campaignId) {
        return jdbc.sql("""
                        SELECT a.after_state FROM audit_event a
                        WHERE a.action = 'task.create' AND a.entity_id IN (SELECT CAST(id AS VARCHAR(20)) FROM task WHERE campaign_id = :c)
                        ORDER BY a.id""").param("c", campaignId).query(String.class).list().stream()
                .map(text -> {
                    ObjectNode node = (ObjectNode) json.readTree(text);
                    node.remove(List.of("id", "campaignId", "parentTaskId"));
                    node.get("indicators").forEach(i -> ((ObjectNode) i).remove("id"));
                    node.get("milestones").forEach(m -> ((ObjectNode) m).remove("id"));
                    return node.toString();
                }).toList();
    }

    /** Each task's stored row and history line, ids left out. */
    private List<String> stored(long campaignId) {
        return jdbc.sql("""
                        SELECT t.title, t.progress, t.weight, t.version, t.light, p.title AS parent,
                               (SELECT COUNT(*) FROM task_change h WHERE h.task_id = t.id AND h.field = '创建'
                                   AND h.after_value = t.title) AS created
                        FROM task t LEFT JOIN task p ON p.id = t.parent_task_id WHERE t.campaign_id = :c ORDER BY t.id""")
                .param("c", campaignId).query((rs, n) -> String.join("|", rs.getString("title"),
                        rs.getBigDecimal("progress").toPlainString(), rs.getBigDecimal("weight").toPlainString(),
                        rs.getString("version"), String.valueOf(rs.getString("light")),
                        String.valueOf(rs.getString("parent")), rs.getString("created"))).list();
    }

    private PersonView deputy(OrgFixtures.County c) {
        return org.createPerson(new PersonCommand("赵" + c.tag(), "女", c.county().id(), "副县长", true,
                LocalDate.of(2024, 1, 1)), DataScope.everything());
    }

    private long campaign(OrgFixtures.County c, String name) {
        return campaigns.create(new CampaignCommand(name + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), DataScope.everything()).id();
    }

    /** {@code parents} tasks, each followed by four subtasks (one per unit), as the 10,000-row test builds them. */
    static byte[] workbook(OrgFixtures.County c, PersonView deputy, int parents) throws Exception {
        TaskWorkbookTests.Book book = new TaskWorkbookTests.Book();
        String[] units = {c.townshipA().name(), c.townshipB().name(), c.villageA().name(), c.department().name()};
        for (int p = 1; p <= parents; p++) {
            book.task("重点任务" + p, p % 2 == 0 ? "项目建设" : "民生改善", c.department().name()).set("序号", String.valueOf(p))
                    .set("包保领导", deputy.name() + "（副县长）").set("配合单位", c.townshipA().name())
                    .set("完成时限", "2026-11-30").set("指标名称", "投资额").set("计量单位", "万元").set("目标值", "4000")
                    .set("时间节点", "2026-03-31 开工；2026-09-30 主体完工");
            for (int k = 0; k < 4; k++) {
                book.task("重点任务" + p + "分解" + k, "", units[k]).set("上级序号", String.valueOf(p))
                        .set("指标名称", "投资额").set("计量单位", "万元").set("目标值", "1000")
                        .set("时间节点", "2026-06-30 完成过半");
            }
        }
        return book.bytes();
    }

    /** A statement as printed: its IN lists bind up to 1,000 ids, so only its start. */
    private static String abbreviated(String sql) {
        String line = sql.replaceAll("\\s+", " ").strip();
        return line.length() <= 140 ? line : line.substring(0, 140) + "…";
    }

    private long tallyRows() {
        return jdbc.sql("SELECT COUNT(*) FROM task_tally").query(Long.class).single();
    }

    private long count(String sql, long campaignId) {
        return jdbc.sql(sql).param("c", campaignId).query(Long.class).single();
    }

    private static long auditStatements(List<String> statements) {
        return statements.stream().filter(TaskImportStatementsTests::isAudit).count();
    }

    private static boolean isAudit(String sql) {
        return sql.toLowerCase(Locale.ROOT).stripLeading().startsWith("insert into audit_event");
    }
}
