package org.gongjian.report.workbook;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk progress reports over {@code /api/v1}: the unit's fill-in workbook for a period (pre-filled from the last
 * reports) and its all-or-nothing import (422 with every row problem), optionally submitting every report.
 */
@RestController
class ReportWorkbookApiController {

    private final ReportWorkbookTemplate templates;
    private final ReportImporter importer;

    ReportWorkbookApiController(ReportWorkbookTemplate templates, ReportImporter importer) {
        this.templates = templates;
        this.importer = importer;
    }

    /** {@code unitId} defaults to the caller's unit; another unit must be within the caller's scope (else 404). */
    @GetMapping("/api/v1/campaigns/{campaignId}/reports/template")
    @PreAuthorize("hasAnyRole('ADMIN', 'UNIT_HEAD', 'LIAISON')")
    ResponseEntity<byte[]> template(@PathVariable long campaignId, @RequestParam(required = false) @Nullable String period,
                                    @RequestParam(required = false) @Nullable Long unitId, DataScope scope) {
        return ReportWorkbookController.download(templates.template(campaignId, period, unitId, scope));
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/reports/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'UNIT_HEAD', 'LIAISON')")
    ReportImporter.ImportResult importReports(@PathVariable long campaignId,
                                              @RequestParam(required = false) @Nullable String period,
                                              @RequestParam(required = false) @Nullable Long unitId,
                                              @RequestParam(defaultValue = "false") boolean submit,
                                              @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                                              @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return ReportWorkbookController.run(importer, campaignId, period, unitId, submit, file, user, scope);
    }
}
