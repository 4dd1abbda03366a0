package org.gongjian.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.org.OrgService;
import org.gongjian.report.evidence.EvidenceFileName;
import org.gongjian.report.evidence.EvidencePhoto;
import org.gongjian.report.evidence.EvidenceRows.Row;
import org.gongjian.report.evidence.EvidenceRows;
import org.gongjian.report.evidence.EvidenceType;
import org.gongjian.report.evidence.HashCheckedStream;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * 佐证材料: a unit's evidence library. Uploads are checked by their content (JPG, PNG, PDF, DOCX, XLSX only), kept once
 * per unit and content (collect once, reuse), photos yield capture time, position and a thumbnail; evidence is
 * attached to progress reports by id.
 */
@Service
@Transactional
public class EvidenceService {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceService.class);

    private final EvidenceRows rows;
    private final EvidenceStore store;
    private final OrgService org;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxBytes;

    EvidenceService(EvidenceRows rows, EvidenceStore store, OrgService org, ApplicationEventPublisher events, Clock clock,
                    @Value("${gongjian.evidence.max-bytes:20MB}") DataSize maxBytes) {
        this.rows = rows;
        this.store = store;
        this.org = org;
        this.events = events;
        this.clock = clock;
        this.maxBytes = maxBytes.toBytes();
    }

    /** A stored file to send: the display name, the detected type, its length and the bytes (the caller closes them). */
    public record StoredFile(String fileName, String contentType, long size, InputStream content) {}

    /** An upload's outcome: the evidence, and whether it is new (false: the unit already had these bytes). */
    public record Upload(EvidenceView evidence, boolean created) {}

    /**
     * Adds a file to the unit's library. The same bytes uploaded again return the existing evidence unchanged.
     * Refuses (InvalidInput, field {@code file}) empty and oversized files and anything whose content is not an allowed type.
     */
    public EvidenceView upload(long unitId, String originalFileName, InputStream content, DataScope scope) {
        return add(unitId, originalFileName, content, scope).evidence();
    }

    public Upload add(long unitId, String originalFileName, InputStream content, DataScope scope) {
        org.unit(unitId, scope);
        Path temp = null;
        try {
            temp = Files.createTempFile("gongjian-evidence-", ".upload");
            String sha256 = spool(content, temp);
            Optional<Row> existing = rows.find(unitId, sha256);
            if (existing.isPresent()) {
                if (!store.exists(sha256)) {
                    store.put(sha256, temp); // the content was lost from the store: the same bytes put it back
                }
                return new Upload(existing.get().view(), false);
            }
            EvidenceType type = EvidenceType.detect(temp);
            String fileName = EvidenceFileName.of(originalFileName, type);
            EvidencePhoto.Facts photo = type.photo() ? EvidencePhoto.read(temp, clock.getZone()) : null;
            String thumbnail = null;
            if (photo != null) {
                thumbnail = sha256(photo.thumbnail());
                store.put(thumbnail, photo.thumbnail());
            }
            store.put(sha256, temp);
            boolean inserted = rows.insert(new EvidenceRows.NewEvidence(unitId, sha256, fileName, type.contentType(),
                    Files.size(temp), type.photo(), photo == null ? null : photo.capturedAt(),
                    photo == null ? null : photo.latitude(), photo == null ? null : photo.longitude(), thumbnail,
                    actor(), clock.instant()));
            EvidenceView view = rows.find(unitId, sha256).orElseThrow().view();
            if (inserted) {
                events.publishEvent(AuditableChange.created("evidence", view.id(), view));
            }
            return new Upload(view, inserted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the OS cleans its temp directory
                }
            }
        }
    }

    @Transactional(readOnly = true)
    public EvidenceView evidence(long id, DataScope scope) {
        return row(id, scope).view();
    }

    /** The unit's library, newest first. */
    @Transactional(readOnly = true)
    public PageResult<EvidenceView> library(long unitId, DataScope scope, PageQuery page) {
        org.unit(unitId, scope);
        List<EvidenceView> items = rows.library(unitId, page).stream().map(Row::view).toList();
        return PageResult.of(items, rows.count(unitId), page);
    }

    /** The evidence attached to a report, in the order attached. Unscoped: the caller has checked the report's scope. */
    @Transactional(readOnly = true)
    public List<EvidenceView> ofReport(long reportId) {
        return rows.ofReport(reportId).stream().map(Row::view).toList();
    }

    /**
     * The distinct evidence ids an answer cites (a notice response, a rectification progress report), checked: at most
     * {@code max}, each in the caller's scope and in the library of one of {@code unitIds} ({@code whose} names them in
     * the message). Refuses with InvalidInput on field {@code evidenceIds}.
     */
    @Transactional(readOnly = true)
    public List<Long> requireFromLibraries(@org.jspecify.annotations.Nullable List<Long> evidenceIds,
                                           java.util.Set<Long> unitIds, int max, String whose, DataScope scope) {
        List<Long> ids = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(evidenceIds == null ? List.of() : evidenceIds));
        if (ids.size() > max) {
            throw InvalidInput.of("evidenceIds", "佐证材料最多" + max + "件");
        }
        for (Long evidenceId : ids) {
            EvidenceView file;
            try {
                file = evidence(java.util.Objects.requireNonNull(evidenceId), scope);
            } catch (NotFound e) {
                throw InvalidInput.of("evidenceIds", "佐证材料 " + evidenceId + " 不存在或不在本单位资料库中");
            }
            if (!unitIds.contains(file.unitId())) {
                throw InvalidInput.of("evidenceIds", "佐证材料“" + file.fileName() + "”不在" + whose + "的资料库中");
            }
        }
        return ids;
    }

    /** Attaches evidence (which must be in scope) to a report; attaching it again changes nothing. */
    public void attach(long reportId, long evidenceId, DataScope scope) {
        EvidenceView evidence = row(evidenceId, scope).view();
        if (rows.attach(reportId, evidenceId, clock.instant())) {
            events.publishEvent(new AuditableChange("evidence.attach", "evidence", String.valueOf(evidenceId), null,
                    link(reportId, evidence)));
        }
    }

    public void detach(long reportId, long evidenceId) {
        if (rows.detach(reportId, evidenceId)) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("reportId", reportId);
            link.put("evidenceId", evidenceId);
            events.publishEvent(new AuditableChange("evidence.detach", "evidence", String.valueOf(evidenceId), link, null));
        }
    }

    @Transactional(readOnly = true)
    public StoredFile open(long id, DataScope scope) {
        EvidenceView e = row(id, scope).view();
        return new StoredFile(e.fileName(), e.contentType(), e.size(), content(e.sha256()));
    }

    /** A photo's JPEG thumbnail; NotFound for documents. */
    @Transactional(readOnly = true)
    public StoredFile thumbnail(long id, DataScope scope) {
        Row row = row(id, scope);
        if (row.thumbnailSha256() == null) {
            throw new NotFound("evidence", id + "/thumbnail");
        }
        String base = row.view().fileName().replaceAll("\\.[^.]*$", "");
        byte[] bytes;
        try (InputStream in = content(row.thumbnailSha256())) {
            bytes = in.readAllBytes(); // a few kilobytes
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StoredFile(base + "-缩略图.jpg", "image/jpeg", bytes.length, new java.io.ByteArrayInputStream(bytes));
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The limit as messages show it, e.g. 20 MB. */
    public String limitText() {
        long mb = 1024 * 1024;
        return maxBytes >= mb ? (maxBytes / mb) + " MB" : maxBytes + " 字节";
    }

    private Row row(long id, DataScope scope) {
        return rows.find(id, scope).orElseThrow(() -> new NotFound("evidence", id));
    }

    /**
     * The stored bytes, checked against their SHA-256 as they are read. Content missing from the store is a 422
     * {@code evidence-missing} with a message for the user (not a 500); a store that cannot be reached stays an error.
     */
    private InputStream content(String sha256) {
        try {
            return new HashCheckedStream(store.open(sha256), sha256);
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            LOG.error("Evidence content {} is missing from the evidence store", sha256);
            throw new DomainException("evidence-missing",
                    "该佐证材料的文件内容在存储中缺失，暂时无法查看。请联系系统管理员从备份恢复，或由上传单位重新上传同一文件。");
        } catch (IOException e) {
            throw new UncheckedIOException("evidence content " + sha256 + " could not be read from the store", e);
        }
    }

    /** Copies the upload to {@code temp}, refusing it as soon as it passes the limit; returns its SHA-256. */
    private String spool(InputStream content, Path temp) throws IOException {
        MessageDigest digest = sha256Digest();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(temp)) {
            int n;
            while ((n = content.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw InvalidInput.of("file", "文件超过 " + limitText() + " 的上限，请压缩或拆分后上传");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw InvalidInput.of("file", "文件是空的（0 字节），请重新选择");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> link(long reportId, EvidenceView evidence) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("reportId", reportId);
        link.put("evidenceId", evidence.id());
        link.put("fileName", evidence.fileName());
        link.put("sha256", evidence.sha256());
        return link;
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }
}
