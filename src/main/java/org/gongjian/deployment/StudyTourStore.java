package org.gongjian.deployment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for study tours, reports and findings. A tour is in scope when its organising unit is. */
@Repository
class StudyTourStore {

    private final JdbcClient jdbc;

    StudyTourStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String destination, String theme, LocalDate start, LocalDate end, long owner, String by,
                Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO study_tour (name, destination, theme, start_date, end_date, owner_unit_id, created_by, created_at)
                VALUES (:n, :d, :t, :s, :e, :o, :by, :at)""")
                .param("n", name).param("d", destination).param("t", theme).param("s", Date.valueOf(start))
                .param("e", Date.valueOf(end)).param("o", owner).param("by", by).param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void addParticipant(long tourId, long personId) {
        jdbc.sql("INSERT INTO study_tour_participant (tour_id, person_id) VALUES (:t, :p)")
                .param("t", tourId).param("p", personId).update();
    }

    long insertReport(long tourId, long personId, String summary, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO study_report (tour_id, person_id, summary, submitted_by, submitted_at)
                VALUES (:t, :p, :s, :by, :at)""")
                .param("t", tourId).param("p", personId).param("s", summary).param("by", by).param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertFinding(long reportId, long tourId, long personId, String finding, String toAdopt, String where) {
        jdbc.sql("""
                INSERT INTO study_finding (report_id, tour_id, person_id, finding, to_adopt, adopt_where)
                VALUES (:r, :t, :p, :f, :a, :w)""")
                .param("r", reportId).param("t", tourId).param("p", personId).param("f", finding).param("a", toAdopt)
                .param("w", where).update();
    }

    boolean reported(long tourId, long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM study_report WHERE tour_id = :t AND person_id = :p")
                .param("t", tourId).param("p", personId).query(Long.class).single() > 0;
    }

    boolean adopt(long findingId, long taskId, String by, Instant at) {
        return jdbc.sql("""
                UPDATE study_finding SET task_id = :task, adopted_by = :by, adopted_at = :at
                WHERE id = :id AND task_id IS NULL""")
                .param("task", taskId).param("by", by).param("at", Timestamp.from(at)).param("id", findingId).update() == 1;
    }

    private static final String TOUR = """
            SELECT s.id, s.name, s.destination, s.theme, s.start_date, s.end_date, s.owner_unit_id, o.name AS owner_name
            FROM study_tour s JOIN org_unit_path o ON o.unit_id = s.owner_unit_id
            """;

    record TourRow(long id, String name, String destination, String theme, LocalDate start, LocalDate end, long owner,
                   String ownerName) {}

    /** In scope, or the person takes part in it. */
    Optional<TourRow> find(long id, DataScope scope, @Nullable Long personId) {
        return jdbc.sql(TOUR + " WHERE s.id = :id AND (o.path LIKE :scope OR EXISTS (SELECT 1 FROM study_tour_participant x"
                        + " WHERE x.tour_id = s.id AND x.person_id = :p))")
                .param("id", id).param("scope", scope.likePattern()).param("p", personId == null ? -1L : personId)
                .query(StudyTourStore::tour).optional();
    }

    List<TourRow> list(DataScope scope, @Nullable Long personId) {
        return jdbc.sql(TOUR + " WHERE o.path LIKE :scope OR EXISTS (SELECT 1 FROM study_tour_participant x"
                        + " WHERE x.tour_id = s.id AND x.person_id = :p) ORDER BY s.start_date DESC, s.id DESC LIMIT 200")
                .param("scope", scope.likePattern()).param("p", personId == null ? -1L : personId)
                .query(StudyTourStore::tour).list();
    }

    private static TourRow tour(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TourRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getLong(7), rs.getString(8));
    }

    List<StudyTourView.Participant> participants(long tourId) {
        return jdbc.sql("""
                SELECT x.person_id, (SELECT MAX(p.name) FROM org_person p WHERE p.person_id = x.person_id),
                       (SELECT MAX(u.name) FROM org_person p JOIN org_unit_path u ON u.unit_id = p.unit_id WHERE p.person_id = x.person_id),
                       r.summary
                FROM study_tour_participant x LEFT JOIN study_report r ON r.tour_id = x.tour_id AND r.person_id = x.person_id
                WHERE x.tour_id = :t ORDER BY x.person_id""").param("t", tourId)
                .query((rs, n) -> new StudyTourView.Participant(rs.getLong(1), String.valueOf(rs.getString(2)),
                        String.valueOf(rs.getString(3)), rs.getString(4) != null, rs.getString(4))).list();
    }

    List<StudyTourView.Finding> findings(long tourId) {
        return jdbc.sql(FINDING + " WHERE f.tour_id = :t ORDER BY f.id").param("t", tourId).query(StudyTourStore::finding).list();
    }

    private static final String FINDING = """
            SELECT f.id, f.person_id, (SELECT MAX(p.name) FROM org_person p WHERE p.person_id = f.person_id),
                   f.finding, f.to_adopt, f.adopt_where, f.task_id, t.title, f.adopted_by, f.adopted_at, f.tour_id
            FROM study_finding f LEFT JOIN campaign_task_ref t ON t.task_id = f.task_id
            """;

    private static StudyTourView.Finding finding(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp(10);
        return new StudyTourView.Finding(rs.getLong(1), rs.getLong(2), String.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), DeploymentStore.nullableLong(rs, "task_id"), rs.getString(8), null,
                rs.getString(9), at == null ? null : at.toInstant());
    }

    record FindingRef(long findingId, long tourId, String tourName, String destination, String personName,
                      String finding) {}

    Optional<FindingRef> byTask(long taskId) {
        return jdbc.sql("""
                SELECT f.id, s.id, s.name, s.destination, (SELECT MAX(p.name) FROM org_person p WHERE p.person_id = f.person_id),
                       f.finding
                FROM study_finding f JOIN study_tour s ON s.id = f.tour_id WHERE f.task_id = :t""").param("t", taskId)
                .query((rs, n) -> new FindingRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        String.valueOf(rs.getString(5)), rs.getString(6))).optional();
    }

    Optional<Long> findingTour(long findingId) {
        return jdbc.sql("SELECT tour_id FROM study_finding WHERE id = :f").param("f", findingId).query(Long.class).optional();
    }

    /** Findings of the person adopted as tasks (the record). */
    List<StudyTourView.Finding> adoptedOf(long personId) {
        return jdbc.sql(FINDING + " WHERE f.person_id = :p AND f.task_id IS NOT NULL ORDER BY f.adopted_at")
                .param("p", personId).query(StudyTourStore::finding).list();
    }
}
