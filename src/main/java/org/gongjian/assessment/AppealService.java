package org.gongjian.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.gongjian.campaign.CampaignService;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.report.EvidenceService;
import org.gongjian.report.EvidenceView;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 申诉: a unit's head or liaison appeals one deduction of a published ranking within the scheme's days, with a reason
 * and evidence from the unit's own library; the office upholds (a corrected version follows) or rejects, with a reason.
 */
@Service
@Transactional
public class AppealService {

    static final int REASON_MAX = 2000;
    static final int EVIDENCE_MAX = 20;

    private static final String SELECT = """
            SELECT a.*, u.name AS unit_name FROM assessment_appeal a JOIN org_unit_path u ON u.unit_id = a.unit_id
            """;

    private final JdbcClient jdbc;
    private final RankingService rankings;
    private final RankingStore store;
    private final EvidenceService evidence;
    private final CampaignService campaigns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AppealService(JdbcClient jdbc, RankingService rankings, RankingStore store, EvidenceService evidence,
                  CampaignService campaigns, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rankings = rankings;
        this.store = store;
        this.evidence = evidence;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    private record Item(long id, long rankingId, long unitId, String unitPath, ScoreItem.Category category,
                        ScoreItem.SourceType sourceType, long sourceId, BigDecimal points, String explanation,
                        boolean waived) {
        String key() {
            return category + ":" + sourceType + ":" + sourceId;
        }
    }

    public AppealView file(long itemId, @Nullable String reason, @Nullable List<Long> evidenceIds, CurrentUser user,
                           DataScope scope) {
        if (!user.has(Role.UNIT_HEAD) && !user.has(Role.LIAISON)) {
            throw new Forbidden("只有被考核单位的负责人或联络员可以申诉");
        }
        Item item = jdbc.sql("""
                SELECT i.*, s.unit_path FROM assessment_score_item i
                JOIN assessment_score s ON s.ranking_id = i.ranking_id AND s.unit_id = i.unit_id WHERE i.id = :id""")
                .param("id", itemId).query(AppealService::item).optional()
                .filter(i -> scope.covers(i.unitPath())).orElseThrow(() -> new NotFound("score item", itemId));
        RankingStore.Header ranking = store.header(item.rankingId()).orElseThrow();
        campaigns.campaign(ranking.campaignId(), scope);
        if (ranking.status() == RankingStatus.DRAFT) {
            throw new NotFound("score item", itemId);
        }
        if (ranking.status() == RankingStatus.SUPERSEDED) {
            throw new Conflict("appeal-superseded", "该排名已有更正版本，请对最新版本中的扣分项申诉");
        }
        if (item.category() != ScoreItem.Category.DEDUCTION || item.points().signum() >= 0 || item.waived()) {
            throw InvalidInput.of("itemId", "只能对扣分项申诉");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > REASON_MAX) {
            throw InvalidInput.of("reason", text.isEmpty() ? "请填写申诉理由" : "申诉理由不超过" + REASON_MAX + "字");
        }
        LocalDate deadline = deadline(ranking);
        if (LocalDate.now(clock).isAfter(deadline)) {
            throw new DomainException("appeal-late", "申诉期已过：须在排名发布后" + ranking.scheme().appealDays()
                    + "天内（" + deadline + "前）提出");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM assessment_appeal WHERE campaign_id = :c AND period = :p AND unit_group = :g AND unit_id = :u AND item_key = :k")
                .param("c", ranking.campaignId()).param("p", ranking.period()).param("g", ranking.group().name())
                .param("u", item.unitId()).param("k", item.key()).query(Long.class).single() > 0) {
            throw new Conflict("appeal-duplicate", "该扣分项已申诉过，不能重复申诉");
        }
        List<Long> ids = checkEvidence(evidenceIds, item.unitId(), scope);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment_appeal (campaign_id, period, unit_group, ranking_id, unit_id, item_id, item_key,
                    item_explanation, item_points, reason, evidence_ids, status, filed_by, filed_at)
                VALUES (:c, :p, :g, :r, :u, :i, :k, :e, :pts, :reason, :ev, 'PENDING', :by, :at)""")
                .param("c", ranking.campaignId()).param("p", ranking.period()).param("g", ranking.group().name())
                .param("r", ranking.id()).param("u", item.unitId()).param("i", item.id()).param("k", item.key())
                .param("e", item.explanation()).param("pts", item.points()).param("reason", text)
                .param("ev", ids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .param("by", user.getUsername()).param("at", Timestamp.from(clock.instant())).update(keys, "id");
        AppealView appeal = find(keys.getKeyAs(Number.class).longValue());
        events.publishEvent(AuditableChange.created("assessment_appeal", appeal.id(), appeal));
        return appeal;
    }

    /** The first publication of the period's ranking opens the appeal window (corrections do not reopen it). */
    private LocalDate deadline(RankingStore.Header ranking) {
        Instant first = store.versions(ranking.campaignId(), ranking.period(), ranking.group()).stream()
                .filter(h -> h.version() == 1 && h.publishedAt() != null).map(RankingStore.Header::publishedAt)
                .findFirst().orElse(ranking.publishedAt());
        return first.atZone(clock.getZone()).toLocalDate().plusDays(ranking.scheme().appealDays());
    }

    private List<Long> checkEvidence(@Nullable List<Long> evidenceIds, long unitId, DataScope scope) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(evidenceIds == null ? List.of() : evidenceIds));
        if (ids.size() > EVIDENCE_MAX) {
            throw InvalidInput.of("evidenceIds", "证据材料最多" + EVIDENCE_MAX + "件");
        }
        for (long id : ids) {
            EvidenceView e;
            try {
                e = evidence.evidence(id, scope);
            } catch (NotFound notVisible) {
                throw InvalidInput.of("evidenceIds", "证据材料 " + id + " 不存在或不在本单位资料库中");
            }
            if (e.unitId() != unitId) {
                throw InvalidInput.of("evidenceIds", "证据材料 " + id + " 不在本单位资料库中");
            }
        }
        return ids;
    }

    /** The office upholds or rejects a pending appeal with a reason; upholding publishes a corrected version. */
    public AppealView decide(long appealId, boolean uphold, @Nullable String reason, CurrentUser user, DataScope scope) {
        SchemeService.requireOffice(user);
        AppealView before = appeal(appealId, scope);
        if (before.status() != AppealStatus.PENDING) {
            throw new Conflict("appeal-decided", "该申诉已处理");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw InvalidInput.of("reason", text.isEmpty() ? "请填写处理理由" : "处理理由不超过1000字");
        }
        Long corrected = null;
        if (uphold) {
            RankingStore.Header latest = store.versions(before.campaignId(), before.period(), before.group()).stream()
                    .filter(h -> h.status() == RankingStatus.PUBLISHED).findFirst().orElseThrow();
            corrected = rankings.correct(latest, before.unitId(), before.itemKey(), text, user.getUsername()).id();
        }
        jdbc.sql("UPDATE assessment_appeal SET status = :s, decided_by = :by, decided_at = :at, decision = :d, corrected_ranking_id = :r WHERE id = :id AND status = 'PENDING'")
                .param("s", (uphold ? AppealStatus.UPHELD : AppealStatus.REJECTED).name()).param("by", user.getUsername())
                .param("at", Timestamp.from(clock.instant())).param("d", text).param("r", corrected).param("id", appealId)
                .update();
        AppealView after = find(appealId);
        events.publishEvent(AuditableChange.updated("assessment_appeal", appealId, before, after));
        return after;
    }

    @Transactional(readOnly = true)
    public AppealView appeal(long id, DataScope scope) {
        AppealView appeal = jdbc.sql(SELECT + " WHERE a.id = :id AND u.path LIKE :scope").param("id", id)
                .param("scope", scope.likePattern()).query(AppealService::map).optional()
                .orElseThrow(() -> new NotFound("appeal", id));
        campaigns.campaign(appeal.campaignId(), scope);
        return appeal;
    }

    /** A campaign's appeals of units in scope, pending first, newest first. */
    @Transactional(readOnly = true)
    public List<AppealView> appeals(long campaignId, @Nullable AppealStatus status, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        return jdbc.sql(SELECT + " WHERE a.campaign_id = :c AND u.path LIKE :scope AND (:s = '' OR a.status = :s)"
                        + " ORDER BY CASE WHEN a.status = 'PENDING' THEN 0 ELSE 1 END, a.id DESC")
                .param("c", campaignId).param("scope", scope.likePattern()).param("s", status == null ? "" : status.name())
                .query(AppealService::map).list();
    }

    private AppealView find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(AppealService::map).single();
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(rs.getLong("id"), rs.getLong("ranking_id"), rs.getLong("unit_id"), rs.getString("unit_path"),
                ScoreItem.Category.valueOf(rs.getString("category")), ScoreItem.SourceType.valueOf(rs.getString("source_type")),
                rs.getLong("source_id"), rs.getBigDecimal("points"), rs.getString("explanation"), rs.getBoolean("waived"));
    }

    private static AppealView map(ResultSet rs, int n) throws SQLException {
        String ev = rs.getString("evidence_ids");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new AppealView(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("period"),
                UnitGroup.valueOf(rs.getString("unit_group")), rs.getLong("ranking_id"), rs.getLong("unit_id"),
                rs.getString("unit_name"), rs.getLong("item_id"), rs.getString("item_key"),
                rs.getString("item_explanation"), rs.getBigDecimal("item_points").setScale(2, java.math.RoundingMode.HALF_UP),
                rs.getString("reason"), ev.isEmpty() ? List.of() : Arrays.stream(ev.split(",")).map(Long::valueOf).toList(),
                AppealStatus.valueOf(rs.getString("status")), rs.getString("filed_by"), rs.getTimestamp("filed_at").toInstant(),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("decision"),
                (Long) rs.getObject("corrected_ranking_id", Long.class));
    }
}
