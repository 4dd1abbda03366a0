package org.gongjian.report.evidence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gongjian.report.EvidenceView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the evidence library and its links to progress reports. Evidence is in scope when its unit is. */
@Repository
public class EvidenceRows {

    private static final String COLUMNS = """
            e.id, e.unit_id, e.file_name, e.content_type, e.size_bytes, e.sha256, e.is_photo, e.captured_at,
            e.latitude, e.longitude, e.uploaded_by, e.uploaded_at, e.thumbnail_sha256""";

    private final JdbcClient jdbc;

    EvidenceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(EvidenceView view, @Nullable String thumbnailSha256) {}

    public record NewEvidence(long unitId, String sha256, String fileName, String contentType, long size, boolean photo,
                       @Nullable Instant capturedAt, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude,
                       @Nullable String thumbnailSha256, String uploadedBy, Instant uploadedAt) {}

    public Optional<Row> find(long id, DataScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM evidence e JOIN org_unit_path u ON u.unit_id = e.unit_id
                        WHERE e.id = :id AND u.path LIKE :scope""")
                .param("id", id).param("scope", scope.likePattern())
                .query(EvidenceRows::row).optional();
    }

    public Optional<Row> find(long unitId, String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence e WHERE e.unit_id = :unit AND e.sha256 = :sha")
                .param("unit", unitId).param("sha", sha256)
                .query(EvidenceRows::row).optional();
    }

    /** Every content hash the evidence table refers to (files and photo thumbnails), each once, in order. */
    public List<String> allContentHashes() {
        return jdbc.sql("""
                        SELECT sha256 AS h FROM evidence
                        UNION SELECT thumbnail_sha256 AS h FROM evidence WHERE thumbnail_sha256 IS NOT NULL
                        ORDER BY h""")
                .query(String.class).list();
    }

    public List<Row> library(long unitId, PageQuery page) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM evidence e WHERE e.unit_id = :unit
                        ORDER BY e.uploaded_at DESC, e.id DESC LIMIT :limit OFFSET :offset""")
                .param("unit", unitId).param("limit", page.size()).param("offset", page.offset())
                .query(EvidenceRows::row).list();
    }

    public long count(long unitId) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence WHERE unit_id = :unit").param("unit", unitId)
                .query(Long.class).single();
    }

    public List<Row> ofReport(long reportId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM report_evidence r JOIN evidence e ON e.id = r.evidence_id
                        WHERE r.report_id = :report ORDER BY r.attached_at, e.id""")
                .param("report", reportId).query(EvidenceRows::row).list();
    }

    /** Inserts unless the unit already has this content (a concurrent upload of the same bytes); true when inserted. */
    public boolean insert(NewEvidence e) {
        return jdbc.sql("""
                INSERT INTO evidence (unit_id, sha256, file_name, content_type, size_bytes, is_photo, captured_at,
                    latitude, longitude, thumbnail_sha256, uploaded_by, uploaded_at)
                VALUES (:unit, :sha, :name, :type, :size, :photo, :captured, :lat, :lon, :thumb, :by, :at)
                ON CONFLICT DO NOTHING""")
                .param("unit", e.unitId()).param("sha", e.sha256()).param("name", e.fileName())
                .param("type", e.contentType()).param("size", e.size()).param("photo", e.photo())
                .param("captured", e.capturedAt() == null ? null : Timestamp.from(e.capturedAt()), Types.TIMESTAMP)
                .param("lat", e.latitude(), Types.DECIMAL).param("lon", e.longitude(), Types.DECIMAL)
                .param("thumb", e.thumbnailSha256(), Types.VARCHAR).param("by", e.uploadedBy())
                .param("at", Timestamp.from(e.uploadedAt())).update() == 1;
    }

    /** Links evidence to a report; false when it already was. */
    public boolean attach(long reportId, long evidenceId, Instant at) {
        return jdbc.sql("""
                INSERT INTO report_evidence (report_id, evidence_id, attached_at) VALUES (:report, :evidence, :at)
                ON CONFLICT DO NOTHING""")
                .param("report", reportId).param("evidence", evidenceId).param("at", Timestamp.from(at)).update() == 1;
    }

    public boolean detach(long reportId, long evidenceId) {
        return jdbc.sql("DELETE FROM report_evidence WHERE report_id = :report AND evidence_id = :evidence")
                .param("report", reportId).param("evidence", evidenceId).update() == 1;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp captured = rs.getTimestamp("captured_at");
        EvidenceView view = new EvidenceView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getBoolean("is_photo"),
                captured == null ? null : captured.toInstant(), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
        return new Row(view, rs.getString("thumbnail_sha256"));
    }
}
