package org.gongjian.assessment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.CampaignService;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.report.ReportService;
import org.gongjian.report.ReportStatus;
import org.gongjian.report.ReportView;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The scoring scheme per campaign (editable by the office until a ranking is published), report ratings, commendations. */
@Service
@Transactional
public class SchemeService {

    public record Commendation(long id, long unitId, String unitName, String period, String reason, String recordedBy,
                               java.time.Instant recordedAt) {}

    private final JdbcClient jdbc;
    private final CampaignService campaigns;
    private final ReportService reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SchemeService(JdbcClient jdbc, CampaignService campaigns, ReportService reports, ApplicationEventPublisher events,
                  Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Scheme scheme(long campaignId, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        return stored(campaignId);
    }

    Scheme stored(long campaignId) {
        return jdbc.sql("SELECT * FROM assessment_scheme WHERE campaign_id = :c").param("c", campaignId)
                .query((rs, n) -> new Scheme(rs.getBigDecimal("completion_weight"), rs.getBigDecimal("timeliness_weight"),
                        rs.getBigDecimal("quality_weight"), rs.getBigDecimal("remind_points"), rs.getBigDecimal("urge_points"),
                        rs.getBigDecimal("supervise_points"), rs.getBigDecimal("interview_points"),
                        rs.getBigDecimal("accountability_points"), rs.getBigDecimal("late_report_points"),
                        rs.getBigDecimal("missing_report_points"), rs.getBigDecimal("open_instruction_points"),
                        rs.getBigDecimal("commendation_points"), rs.getBigDecimal("return_points"), rs.getInt("appeal_days")))
                .optional().orElseGet(Scheme::defaults);
    }

    public Scheme update(long campaignId, Scheme scheme, CurrentUser user, DataScope scope) {
        requireOffice(user);
        campaigns.campaign(campaignId, scope);
        if (jdbc.sql("SELECT COUNT(*) FROM assessment_ranking WHERE campaign_id = :c AND status <> 'DRAFT'")
                .param("c", campaignId).query(Long.class).single() > 0) {
            throw new Conflict("scheme-locked", "已有发布的排名，考核办法不能再修改");
        }
        check(scheme);
        Scheme before = stored(campaignId);
        jdbc.sql("DELETE FROM assessment_scheme WHERE campaign_id = :c").param("c", campaignId).update();
        jdbc.sql("""
                INSERT INTO assessment_scheme (campaign_id, completion_weight, timeliness_weight, quality_weight,
                    remind_points, urge_points, supervise_points, interview_points, accountability_points,
                    late_report_points, missing_report_points, open_instruction_points, commendation_points,
                    return_points, appeal_days, updated_by, updated_at)
                VALUES (:c, :cw, :tw, :qw, :r, :u, :s, :i, :a, :late, :missing, :instr, :comm, :ret, :days, :by, :at)""")
                .param("c", campaignId).param("cw", scheme.completionWeight()).param("tw", scheme.timelinessWeight())
                .param("qw", scheme.qualityWeight()).param("r", scheme.remindPoints()).param("u", scheme.urgePoints())
                .param("s", scheme.supervisePoints()).param("i", scheme.interviewPoints())
                .param("a", scheme.accountabilityPoints()).param("late", scheme.lateReportPoints())
                .param("missing", scheme.missingReportPoints()).param("instr", scheme.openInstructionPoints())
                .param("comm", scheme.commendationPoints()).param("ret", scheme.returnPoints())
                .param("days", scheme.appealDays()).param("by", user.getUsername())
                .param("at", Timestamp.from(clock.instant())).update();
        events.publishEvent(AuditableChange.updated("assessment_scheme", campaignId, before, scheme));
        return scheme;
    }

    static void check(Scheme s) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal sum = s.completionWeight().add(s.timelinessWeight()).add(s.qualityWeight());
        if (s.completionWeight().signum() < 0 || s.timelinessWeight().signum() < 0 || s.qualityWeight().signum() < 0
                || sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            problems.add(new FieldProblem("completionWeight", null, "完成情况、及时性、质量三项权重须为非负数且合计100"));
        }
        nonPositive(problems, "remindPoints", s.remindPoints());
        nonPositive(problems, "urgePoints", s.urgePoints());
        nonPositive(problems, "supervisePoints", s.supervisePoints());
        nonPositive(problems, "interviewPoints", s.interviewPoints());
        nonPositive(problems, "accountabilityPoints", s.accountabilityPoints());
        nonPositive(problems, "lateReportPoints", s.lateReportPoints());
        nonPositive(problems, "missingReportPoints", s.missingReportPoints());
        nonPositive(problems, "openInstructionPoints", s.openInstructionPoints());
        if (s.commendationPoints().signum() < 0) {
            problems.add(new FieldProblem("commendationPoints", null, "表扬加分不能为负数"));
        }
        if (s.returnPoints().signum() < 0 || s.returnPoints().compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new FieldProblem("returnPoints", null, "每次退回扣的质量分须在0到100之间"));
        }
        if (s.appealDays() < 1 || s.appealDays() > 60) {
            problems.add(new FieldProblem("appealDays", null, "申诉期限须在1到60天之间"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
    }

    private static void nonPositive(List<FieldProblem> problems, String field, BigDecimal value) {
        if (value.signum() > 0 || value.compareTo(BigDecimal.valueOf(-100)) < 0) {
            problems.add(new FieldProblem(field, null, "扣分项须为0到-100之间的数"));
        }
    }

    /** The office rates an approved report of a campaign in its scope 优/良/中/差 (again: the new grade replaces the old). */
    public void rate(long reportId, Grade grade, CurrentUser user, DataScope scope) {
        requireOffice(user);
        ReportView report = reports.report(reportId, scope);
        if (report.status() != ReportStatus.APPROVED) {
            throw new Conflict("not-approved", "只能对审核通过的报告评级");
        }
        String before = jdbc.sql("SELECT grade FROM assessment_rating WHERE report_id = :r").param("r", reportId)
                .query(String.class).optional().orElse(null);
        jdbc.sql("DELETE FROM assessment_rating WHERE report_id = :r").param("r", reportId).update();
        jdbc.sql("INSERT INTO assessment_rating (report_id, campaign_id, grade, rated_by, rated_at) VALUES (:r, :c, :g, :by, :at)")
                .param("r", reportId).param("c", report.campaignId()).param("g", grade.name())
                .param("by", user.getUsername()).param("at", Timestamp.from(clock.instant())).update();
        events.publishEvent(new AuditableChange("assessment_rating.rate", "report", String.valueOf(reportId), before, grade));
    }

    @Transactional(readOnly = true)
    public java.util.Map<Long, Grade> grades(long campaignId) {
        java.util.Map<Long, Grade> grades = new java.util.HashMap<>();
        jdbc.sql("SELECT report_id, grade FROM assessment_rating WHERE campaign_id = :c").param("c", campaignId)
                .query(rs -> {
                    grades.put(rs.getLong(1), Grade.valueOf(rs.getString(2)));
                });
        return grades;
    }

    /** A leader or the office commends a unit for a period (表扬), with a reason; it earns the scheme's bonus. */
    public Commendation commend(long campaignId, long unitId, String period, String reason, CurrentUser user,
                                DataScope scope) {
        if (!user.has(Role.LEADER) && !user.has(Role.SUPERVISOR) && !user.has(Role.ADMIN)) {
            throw new Forbidden("只有领导或督查室可以记录表扬");
        }
        var campaign = campaigns.campaign(campaignId, scope);
        String label = org.gongjian.report.ReportingPeriod.parse(period, campaign).label();
        String name = jdbc.sql("SELECT name FROM org_unit_path WHERE unit_id = :u AND path LIKE :scope")
                .param("u", unitId).param("scope", scope.likePattern()).query(String.class).optional()
                .orElseThrow(() -> new org.gongjian.shared.NotFound("unit", unitId));
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw InvalidInput.of("reason", text.isEmpty() ? "请填写表扬理由" : "表扬理由不超过1000字");
        }
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        java.time.Instant now = clock.instant();
        jdbc.sql("INSERT INTO assessment_commendation (campaign_id, unit_id, period, reason, recorded_by, recorded_at) VALUES (:c, :u, :p, :r, :by, :at)")
                .param("c", campaignId).param("u", unitId).param("p", label).param("r", text)
                .param("by", user.getUsername()).param("at", Timestamp.from(now)).update(keys, "id");
        Commendation c = new Commendation(keys.getKeyAs(Number.class).longValue(), unitId, name, label, text,
                user.getUsername(), now);
        events.publishEvent(AuditableChange.created("assessment_commendation", c.id(), c));
        return c;
    }

    @Transactional(readOnly = true)
    public List<Commendation> commendations(long campaignId, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        return jdbc.sql("""
                SELECT c.*, u.name AS unit_name FROM assessment_commendation c JOIN org_unit_path u ON u.unit_id = c.unit_id
                WHERE c.campaign_id = :c ORDER BY c.period DESC, c.id DESC""").param("c", campaignId)
                .query((rs, n) -> new Commendation(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                        rs.getString("period"), rs.getString("reason"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant())).list();
    }

    static void requireOffice(CurrentUser user) {
        if (!user.has(Role.SUPERVISOR) && !user.has(Role.ADMIN)) {
            throw new Forbidden("只有督查室可以进行此操作");
        }
    }
}
