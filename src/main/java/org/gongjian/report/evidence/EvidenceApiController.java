package org.gongjian.report.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

import org.gongjian.report.EvidenceService;
import org.gongjian.report.EvidenceView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The evidence library over {@code /api/v1}: upload (multipart {@code file}), a unit's page, one item and its bytes. */
@RestController
class EvidenceApiController {

    private final EvidenceService evidence;

    EvidenceApiController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    /** 201 with the new evidence; 200 with the existing one when the unit had uploaded the same bytes before. */
    @PostMapping(path = "/api/v1/units/{unitId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('LIAISON', 'UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
    ResponseEntity<EvidenceView> upload(@PathVariable long unitId, @RequestPart("file") @Nullable MultipartFile file,
                                        DataScope scope) {
        if (file == null) {
            throw InvalidInput.of("file", "请选择要上传的文件");
        }
        EvidenceService.Upload upload;
        try (InputStream in = file.getInputStream()) {
            upload = evidence.add(unitId, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in, scope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EvidenceView view = upload.evidence();
        return upload.created()
                ? ResponseEntity.created(URI.create("/api/v1/evidence/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/api/v1/units/{unitId}/evidence")
    PageResult<EvidenceView> library(@PathVariable long unitId, @RequestParam(required = false) @Nullable Integer page,
                                     @RequestParam(required = false) @Nullable Integer size, DataScope scope) {
        return evidence.library(unitId, scope, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/evidence/{id}")
    EvidenceView get(@PathVariable long id, DataScope scope) {
        return evidence.evidence(id, scope);
    }

    @GetMapping("/api/v1/evidence/{id}/file")
    @PersonalDataRead("evidence")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, DataScope scope) {
        return EvidenceDownloads.attachment(evidence.open(id, scope));
    }

    @GetMapping("/api/v1/evidence/{id}/thumbnail")
    ResponseEntity<InputStreamResource> thumbnail(@PathVariable long id, DataScope scope) {
        return EvidenceDownloads.inline(evidence.thumbnail(id, scope));
    }
}
