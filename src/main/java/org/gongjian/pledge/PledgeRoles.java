package org.gongjian.pledge;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gongjian.campaign.CampaignService;
import org.gongjian.identity.UserService;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roles a person answers for on pledges in force (立状人 or 发令方 of a version not superseded): the person's own
 * signatures until a rotation hands the role over, then the {@code pledge_role_holder} rows. A handover never edits a
 * signature; it closes the outgoing holder's period and opens the successor's. One person cannot hold both roles of
 * the same pledge. Handover runs inside the caller's transaction (MANDATORY).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PledgeRoles {

    /** A role held on a pledge since a date. */
    public record Held(long pledgeId, long campaignId, String unitName, int version, SignatureRole role, LocalDate since,
                       boolean signedByHolder) {
        public String roleLabel() {
            return role.label();
        }

        public String link() {
            return "/pledges/" + pledgeId;
        }
    }

    private final JdbcClient jdbc;
    private final UserService users;
    private final CampaignService campaigns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PledgeRoles(JdbcClient jdbc, UserService users, CampaignService campaigns, ApplicationEventPublisher events,
                Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<Held> heldBy(long personId) {
        List<Held> held = new ArrayList<>();
        List<Long> userIds = users.userIdsOfPerson(personId);
        ZoneId zone = clock.getZone();
        if (!userIds.isEmpty()) {
            held.addAll(jdbc.sql("""
                    SELECT p.id, p.campaign_id, u.name, v.version_no, s.role, s.signed_at
                    FROM pledge_signature s JOIN pledge_version v ON v.id = s.pledge_version_id
                    JOIN pledge p ON p.id = v.pledge_id JOIN org_unit_path u ON u.unit_id = p.unit_id
                    WHERE s.user_id IN (:users) AND v.status <> 'SUPERSEDED'
                    AND NOT EXISTS (SELECT 1 FROM pledge_role_holder h WHERE h.pledge_id = p.id AND h.role = s.role)
                    ORDER BY p.id, s.role""").param("users", userIds)
                    .query((rs, n) -> new Held(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                            SignatureRole.valueOf(rs.getString(5)),
                            rs.getTimestamp(6).toInstant().atZone(zone).toLocalDate(), true)).list());
        }
        held.addAll(jdbc.sql("""
                SELECT p.id, p.campaign_id, u.name,
                       (SELECT MAX(v.version_no) FROM pledge_version v WHERE v.pledge_id = p.id) AS version_no,
                       h.role, h.from_date
                FROM pledge_role_holder h JOIN pledge p ON p.id = h.pledge_id JOIN org_unit_path u ON u.unit_id = p.unit_id
                WHERE h.person_id = :person AND h.to_date IS NULL ORDER BY p.id, h.role""").param("person", personId)
                .query((rs, n) -> new Held(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        SignatureRole.valueOf(rs.getString(5)), rs.getDate(6).toLocalDate(), false)).list());
        return held;
    }

    /** Whether the person answers for a pledge whose campaign has not ended yet (a rotation exclusion). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public boolean pendingTerm(long personId, LocalDate today) {
        return heldBy(personId).stream().anyMatch(h ->
                !campaigns.campaign(h.campaignId(), DataScope.everything()).endDate().isBefore(today));
    }

    /**
     * Hands every role the outgoing person holds to the successor from {@code on}.
     * @return the ids of the pledges whose role passed
     * @throws Conflict when the successor already holds the other role of one of these pledges
     */
    public List<Long> handOver(long fromPersonId, long toPersonId, LocalDate on, String reason) {
        List<Held> held = heldBy(fromPersonId);
        List<Held> successor = heldBy(toPersonId);
        for (Held h : held) {
            successor.stream().filter(s -> s.pledgeId() == h.pledgeId() && s.role() != h.role()).findFirst().ifPresent(s -> {
                throw new Conflict("pledge.role-clash", "接任者已是" + h.unitName() + "军令状的" + s.roleLabel()
                        + "，同一军令状的立状人与发令方不能是同一人");
            });
        }
        String why = reason.length() > 200 ? reason.substring(0, 200) : reason;
        List<Long> pledges = new ArrayList<>();
        for (Held h : held) {
            if (h.signedByHolder()) {
                insert(h.pledgeId(), h.role(), fromPersonId, h.since(), on, why);
            } else {
                jdbc.sql("""
                        UPDATE pledge_role_holder SET to_date = :on
                        WHERE pledge_id = :p AND role = :role AND person_id = :person AND to_date IS NULL""")
                        .param("on", Date.valueOf(on)).param("p", h.pledgeId()).param("role", h.role().name())
                        .param("person", fromPersonId).update();
            }
            insert(h.pledgeId(), h.role(), toPersonId, on, null, why);
            events.publishEvent(new AuditableChange("pledge.role.handover", "pledge", String.valueOf(h.pledgeId()),
                    Map.of("role", h.role().name(), "personId", fromPersonId),
                    Map.of("role", h.role().name(), "personId", toPersonId, "from", on.toString(), "reason", why)));
            pledges.add(h.pledgeId());
        }
        return pledges.stream().filter(Objects::nonNull).distinct().toList();
    }

    private void insert(long pledgeId, SignatureRole role, long personId, LocalDate from, @Nullable LocalDate to, String reason) {
        jdbc.sql("""
                INSERT INTO pledge_role_holder (pledge_id, role, person_id, from_date, to_date, reason, created_at)
                VALUES (:p, :role, :person, :from, :to, :reason, :at)""")
                .param("p", pledgeId).param("role", role.name()).param("person", personId)
                .param("from", Date.valueOf(from)).param("to", to == null ? null : Date.valueOf(to), java.sql.Types.DATE)
                .param("reason", reason).param("at", Timestamp.from(clock.instant())).update();
    }
}
