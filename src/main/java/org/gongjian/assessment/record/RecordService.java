package org.gongjian.assessment.record;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.gongjian.assessment.MarkKind;
import org.gongjian.assessment.RankingView;
import org.gongjian.assessment.Rankings;
import org.gongjian.assessment.UnitGroup;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.InstructionLedger;
import org.gongjian.campaign.InstructionView;
import org.gongjian.campaign.LedTasks;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.LedTasks.LedTask;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonView;
import org.gongjian.deployment.DeploymentRecords;
import org.gongjian.deployment.HandoverContent;
import org.gongjian.deployment.RotationView;
import org.gongjian.pledge.PledgeService;
import org.gongjian.pledge.PledgeView;
import org.gongjian.report.EvidenceService;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.gongjian.supervision.NoticeService;
import org.gongjian.supervision.NoticeView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles a cadre's performance record (实绩档案) from the other modules' public reads, all limited to the reader's
 * scope, plus the marks kept here. A cadre outside the scope is a 404. Every read and every export is audited
 * ({@code record.read}, {@code record.export}), so the transaction is a writing one.
 */
@Service
@Transactional
public class RecordService {

    static final int MAX_EVIDENCE = 20;

    private final JdbcClient jdbc;
    private final OrgService org;
    private final UserService users;
    private final CampaignService campaigns;
    private final LedTasks ledTasks;
    private final PledgeService pledges;
    private final NoticeService notices;
    private final InstructionLedger instructions;
    private final Rankings rankings;
    private final EvidenceService evidence;
    private final DeploymentRecords deployment;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordService(JdbcClient jdbc, OrgService org, UserService users, CampaignService campaigns, LedTasks ledTasks,
                  PledgeService pledges, NoticeService notices, InstructionLedger instructions, Rankings rankings,
                  EvidenceService evidence, DeploymentRecords deployment, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.users = users;
        this.campaigns = campaigns;
        this.ledTasks = ledTasks;
        this.pledges = pledges;
        this.notices = notices;
        this.instructions = instructions;
        this.rankings = rankings;
        this.evidence = evidence;
        this.deployment = deployment;
        this.events = events;
        this.clock = clock;
    }

    public record MarkCommand(@Nullable MarkKind kind, @Nullable String description, @Nullable LocalDate date,
                              @Nullable List<Long> evidenceIds) {}

    /** The record, audited as {@code record.read}; {@code year} keeps only that year's entries. */
    public CadreRecord read(long personId, @Nullable Integer year, DataScope scope) {
        CadreRecord record = assemble(personId, year, scope);
        audit("record.read", record);
        return record;
    }

    /** The record for the xlsx export, audited as {@code record.export}. */
    public CadreRecord export(long personId, @Nullable Integer year, DataScope scope) {
        CadreRecord record = assemble(personId, year, scope);
        audit("record.export", record);
        return record;
    }

    private void audit(String action, CadreRecord record) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("personId", record.personId());
        what.put("name", record.name());
        what.put("year", record.year());
        what.put("entries", record.entries().size());
        events.publishEvent(new AuditableChange(action, "cadre_record", String.valueOf(record.personId()), null, what));
    }

    /** Records a mark (吃劲岗位 / 急难险重); the evidence must be in the caller's scope. */
    public long mark(long personId, MarkCommand command, String actor, DataScope scope) {
        PersonView person = org.person(personId, scope);
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        String description = command.description() == null ? "" : command.description().strip();
        if (command.kind() == null) {
            problems.add(new InvalidInput.FieldProblem("kind", null, "请选择类别（吃劲岗位或急难险重）"));
        }
        if (description.isEmpty()) {
            problems.add(new InvalidInput.FieldProblem("description", null, "请填写事项说明"));
        } else if (description.length() > 1000) {
            problems.add(new InvalidInput.FieldProblem("description", null, "事项说明不能超过1000字"));
        }
        LocalDate today = LocalDate.now(clock);
        if (command.date() == null) {
            problems.add(new InvalidInput.FieldProblem("date", null, "请填写日期"));
        } else if (command.date().isAfter(today)) {
            problems.add(new InvalidInput.FieldProblem("date", null, "日期不能晚于今天"));
        }
        List<Long> ids = command.evidenceIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(command.evidenceIds()));
        if (ids.size() > MAX_EVIDENCE) {
            problems.add(new InvalidInput.FieldProblem("evidenceIds", null, "证据材料最多" + MAX_EVIDENCE + "份"));
        }
        for (Long id : ids) {
            try {
                evidence.evidence(id, scope);
            } catch (NotFound e) {
                problems.add(new InvalidInput.FieldProblem("evidenceIds", null, "证据材料 " + id + " 不存在或不在您的数据范围内"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        String joined = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment_record_mark (person_id, kind, description, mark_date, evidence_ids, recorded_by, recorded_at)
                VALUES (:person, :kind, :description, :date, :evidence, :actor, :at)""")
                .param("person", person.id()).param("kind", command.kind().name()).param("description", description)
                .param("date", command.date()).param("evidence", joined).param("actor", actor)
                .param("at", Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("personId", person.id());
        after.put("kind", command.kind().name());
        after.put("description", description);
        after.put("date", command.date().toString());
        after.put("evidenceIds", ids);
        events.publishEvent(AuditableChange.created("record_mark", id, after));
        return id;
    }

    /** Cadres in scope for the list page, by name or unit. */
    @Transactional(readOnly = true)
    public PageResult<PersonView> cadres(@Nullable String q, DataScope scope, PageQuery page) {
        return org.people(null, true, q == null || q.isBlank() ? null : q.strip(), scope, page);
    }

    CadreRecord assemble(long personId, @Nullable Integer year, DataScope scope) {
        PersonView person = org.person(personId, scope);
        ZoneId zone = clock.getZone();
        List<RecordEntry> entries = new ArrayList<>();
        Set<Long> headed = new HashSet<>();
        if (!person.deputy()) {
            headed.add(person.unitId());
        }
        List<LedTask> led = ledTasks.ledBy(personId, scope);
        LocalDate today = LocalDate.now(clock);
        Set<Long> ledTaskIds = new HashSet<>();
        Set<Long> ledUnits = new HashSet<>();
        for (LedTask t : led) {
            ledTaskIds.add(t.id());
            ledUnits.add(t.leadUnitId());
            String outcome = (t.light() == null ? "未亮灯" : t.light().label()) + " · 进度 "
                    + t.progress().stripTrailingZeros().toPlainString() + "% · " + (t.done() ? "已完成" : "未完成");
            LocalDate asOf = t.dueDate().isAfter(today) ? today : t.dueDate();
            entries.add(new RecordEntry(asOf, RecordEntry.Kind.TASK, "牵头任务：" + t.title() + "（"
                    + t.leadUnitName() + "，" + t.startDate() + " 至 " + t.dueDate() + "）", outcome, "任务台账",
                    "/tasks/" + t.id()));
        }
        Set<Long> units = new HashSet<>(headed);
        units.addAll(ledUnits);
        List<CampaignView> inScope = campaigns.campaigns(scope);
        Set<Long> ownUsers = new HashSet<>(users.userIdsOfPerson(personId));
        for (CampaignView c : inScope) {
            if (!headed.isEmpty()) {
                for (PledgeView p : pledges.register(c.id(), scope)) {
                    if (headed.contains(p.unitId())) {
                        LocalDate on = p.signatures().stream().map(s -> s.signedAt().atZone(zone).toLocalDate())
                                .max(Comparator.naturalOrder()).orElse(c.startDate());
                        entries.add(new RecordEntry(on, RecordEntry.Kind.PLEDGE, "责任状：" + c.name() + " · "
                                + p.unitName() + "（第" + p.version() + "版）", p.status().label() + " · "
                                + p.fulfilment().label(), "责任状", "/pledges/" + p.id()));
                    }
                }
            }
            for (InstructionView i : instructions.ofCampaign(c.id())) {
                boolean wrote = ownUsers.contains(i.authorUserId());
                boolean toAnswer = ledTaskIds.contains(i.taskId());
                if (wrote || toAnswer) {
                    String text = (wrote ? "作出批示：" : "需办理批示（" + i.authorName() + "）：") + i.text()
                            + "（任务：" + i.taskTitle() + "）";
                    String result = i.status() + (i.answer() == null ? "" : "：" + i.answer());
                    entries.add(new RecordEntry(i.createdAt().atZone(zone).toLocalDate(), RecordEntry.Kind.INSTRUCTION,
                            text, result, "领导批示", "/tasks/" + i.taskId()));
                }
            }
            addRankings(c, units, scope, entries);
        }
        addNotices(personId, scope, zone, entries);
        addMarks(personId, entries);
        addDeployment(personId, entries);
        entries.sort(Comparator.comparing(RecordEntry::date).reversed().thenComparing(e -> e.kind().ordinal()));
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        entries.forEach(e -> years.add(e.date().getYear()));
        List<RecordEntry> shown = year == null ? entries
                : entries.stream().filter(e -> e.date().getYear() == year).toList();
        List<String> unitNames = new ArrayList<>();
        unitNames.add(person.unitName() + (person.deputy() ? "（副职）" : "（主要负责人）"));
        led.stream().filter(t -> t.leadUnitId() != person.unitId()).map(LedTask::leadUnitName).distinct()
                .forEach(n -> unitNames.add(n + "（牵头任务）"));
        return new CadreRecord(person.id(), person.name(), person.unitId(), person.unitName(), person.position(),
                unitNames, year, List.copyOf(years), List.copyOf(shown));
    }

    private void addRankings(CampaignView c, Set<Long> units, DataScope scope, List<RecordEntry> entries) {
        if (units.isEmpty()) {
            return;
        }
        for (UnitGroup group : UnitGroup.values()) {
            for (String period : rankings.publishedPeriods(c.id(), group, scope)) {
                RankingView r = rankings.published(c.id(), period, group, scope).orElse(null);
                if (r == null) {
                    continue;
                }
                for (RankingView.Entry e : r.items()) {
                    if (units.contains(e.unitId())) {
                        LocalDate on = ReportingPeriod.parse(r.period(), c).end();
                        entries.add(new RecordEntry(on, RecordEntry.Kind.RANKING, "考核排名：" + c.name() + " "
                                + r.periodName() + " " + group.label() + " · " + e.unitName(),
                                e.score().toPlainString() + "分 · 第" + e.rank() + "名/共" + r.items().size() + "个",
                                "考核排名（第" + r.version() + "版）", "/campaigns/" + c.id() + "/rankings?period="
                                + r.period() + "&group=" + group.name()));
                    }
                }
            }
        }
    }

    private void addNotices(long personId, DataScope scope, ZoneId zone, List<RecordEntry> entries) {
        int page = 0;
        while (true) {
            PageResult<NoticeView> result = notices.notices(null, null, null, null, scope, new PageQuery(page, PageQuery.MAX_SIZE));
            for (NoticeView n : result.items()) {
                if (n.leaderPersonId() != null && n.leaderPersonId() == personId) {
                    entries.add(new RecordEntry(n.createdAt().atZone(zone).toLocalDate(), RecordEntry.Kind.NOTICE,
                            n.levelLabel() + "：" + n.taskTitle() + "（" + n.unitName() + "）" + n.requirement(),
                            n.levelLabel() + " · " + n.statusLabel(), "督查督办", "/supervision/notices/" + n.id()));
                }
            }
            if (result.items().size() < PageQuery.MAX_SIZE) {
                return;
            }
            page++;
        }
    }

    private void addMarks(long personId, List<RecordEntry> entries) {
        jdbc.sql("SELECT id, kind, description, mark_date, evidence_ids, recorded_by FROM assessment_record_mark WHERE person_id = :p")
                .param("p", personId).query(rs -> {
                    MarkKind kind = MarkKind.valueOf(rs.getString(2));
                    String ids = rs.getString(5);
                    entries.add(new RecordEntry(rs.getDate(4).toLocalDate(), RecordEntry.Kind.valueOf(kind.name()),
                            rs.getString(3), ids.isEmpty() ? "无证据材料" : "证据材料 " + ids.replace(",", "、"),
                            "组织部记实（" + rs.getString(6) + "）", ids.isEmpty() ? null : "/evidence/" + ids.split(",")[0]));
                });
    }

    /** 下沉 days and presence, rotations (what was handed over on his watch, or taken over), adopted study findings. */
    private void addDeployment(long personId, List<RecordEntry> entries) {
        DeploymentRecords.CadreFacts facts = deployment.of(personId);
        LocalDate today = LocalDate.now(clock);
        for (DeploymentRecords.Deployed d : facts.deployments()) {
            var v = d.deployment();
            entries.add(new RecordEntry(v.endDate().isAfter(today) ? today : v.endDate(), RecordEntry.Kind.DEPLOYMENT,
                    v.kindLabel() + "：" + v.targetUnitName() + "（" + v.batchName() + "，" + v.startDate() + " 至 "
                            + v.endDate() + "）" + v.purpose(),
                    "在岗 " + d.days() + " 天 · " + d.monthsMet() + "/" + d.months().size() + " 个月达标", "三下沉",
                    "/deployments/" + v.id()));
        }
        for (RotationView r : facts.rotations()) {
            HandoverContent c = r.handover() == null ? null : r.handover().content();
            String signed = r.handover() != null && r.handover().sealed() ? "交接清单双方已签署" : "交接清单待签署";
            if (r.personId() == personId) {
                entries.add(new RecordEntry(r.effectiveDate(), RecordEntry.Kind.ROTATION, "交流轮岗：自" + r.fromUnitName()
                        + r.fromTitle() + "交出 " + (c == null ? 0 : c.tasks().size()) + " 项任务、"
                        + (c == null ? 0 : c.notices().size()) + " 件督办、" + (c == null ? 0 : c.pledges().size())
                        + " 份军令状责任给" + r.successorName(), signed, "交流轮岗", "/rotations/" + r.id()));
                if (c != null) {
                    for (HandoverContent.TaskItem t : c.tasks()) {
                        entries.add(new RecordEntry(r.effectiveDate(), RecordEntry.Kind.TASK, "牵头任务（任内，" + r.effectiveDate()
                                + "交接）：" + t.title() + "（" + t.leadUnitName() + "）", "交接时 " + (t.light() == null ? "未亮灯"
                                : Light.valueOf(t.light()).label()) + " · 进度 "
                                + t.progress().stripTrailingZeros().toPlainString() + "%", "交接清单", "/tasks/" + t.taskId()));
                    }
                }
            } else {
                entries.add(new RecordEntry(r.effectiveDate(), RecordEntry.Kind.ROTATION, "交流轮岗：接任" + r.personName()
                        + "（" + r.fromUnitName() + r.fromTitle() + "）的 " + (c == null ? 0 : c.tasks().size()) + " 项任务",
                        signed, "交流轮岗", "/rotations/" + r.id()));
            }
        }
        facts.adoptedFindings().forEach(f -> entries.add(new RecordEntry(f.adoptedAt() == null ? today
                : f.adoptedAt().atZone(clock.getZone()).toLocalDate(), RecordEntry.Kind.STUDY, "考察学习发现转为任务：" + f.finding(),
                "已立项：" + f.taskTitle(), "考察学习", "/tasks/" + f.taskId())));
    }
}
