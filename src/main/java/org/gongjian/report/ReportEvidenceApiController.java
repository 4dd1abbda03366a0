package org.gongjian.report;

import java.io.IOException;
import java.io.InputStream;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A report's evidence over {@code /api/v1}: attach an upload or a file from the unit's library, detach. */
@RestController
class ReportEvidenceApiController {

    private final ReportService reports;

    ReportEvidenceApiController(ReportService reports) {
        this.reports = reports;
    }

    /** A photo or document for the report: {@code file} (multipart, stored in the unit's library) or {@code evidenceId}. */
    @PostMapping(path = "/api/v1/reports/{id}/evidence")
    ResponseEntity<ReportView> evidence(@PathVariable long id,
                                        @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                                        @RequestParam(required = false) @Nullable Long evidenceId,
                                        @AuthenticationPrincipal CurrentUser user, DataScope scope) throws IOException {
        if (file != null && !file.isEmpty() || file != null && evidenceId == null) {
            try (InputStream in = file.getInputStream()) {
                return ResponseEntity.ok(reports.attachUpload(id, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in, user, scope));
            }
        }
        if (evidenceId == null) {
            throw InvalidInput.of("file", "请选择要上传的文件，或从本单位材料库中选择");
        }
        return ResponseEntity.ok(reports.attach(id, evidenceId, user, scope));
    }

    @DeleteMapping("/api/v1/reports/{id}/evidence/{evidenceId}")
    ReportView detach(@PathVariable long id, @PathVariable long evidenceId, @AuthenticationPrincipal CurrentUser user,
                      DataScope scope) {
        return reports.detach(id, evidenceId, user, scope);
    }
}
