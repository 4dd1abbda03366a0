package org.gongjian.report;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Progress reports over {@code /api/v1} as DESIGN.md lists them, plus update and chain verification (the review:
 * {@link ReportReviewApiController}; evidence: {@link ReportEvidenceApiController}).
 * Every POST and PUT takes {@code Idempotency-Key} (web.IdempotencyFilter): a retried request gets the first answer.
 * {@code If-Match: <version>} makes a change conditional, so two people editing one draft get a 409, not a lost edit.
 */
@RestController
class ReportApiController {

    private final ReportService reports;

    ReportApiController(ReportService reports) {
        this.reports = reports;
    }

    @PostMapping("/api/v1/tasks/{taskId}/reports")
    ResponseEntity<ReportView> start(@PathVariable long taskId, @Valid @RequestBody(required = false) @Nullable ReportCommand command,
                                     @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        ReportView report = reports.start(taskId, command == null ? ReportCommand.empty() : command, user, scope);
        return ResponseEntity.created(URI.create("/api/v1/reports/" + report.id())).eTag(IfMatch.etag(report)).body(report);
    }

    @GetMapping("/api/v1/tasks/{taskId}/reports")
    PageResult<ReportView> ofTask(@PathVariable long taskId, @RequestParam(required = false) @Nullable Integer page,
                                  @RequestParam(required = false) @Nullable Integer size, DataScope scope) {
        PageQuery query = PageQuery.of(page, size);
        List<ReportView> all = reports.ofTask(taskId, scope);
        int from = (int) Math.min(query.offset(), all.size());
        return PageResult.of(all.subList(from, Math.min(from + query.size(), all.size())), all.size(), query);
    }

    @GetMapping("/api/v1/tasks/{taskId}/reports/verify")
    ReportChain.Verification verify(@PathVariable long taskId, DataScope scope) {
        return reports.verify(taskId, scope);
    }

    @GetMapping("/api/v1/reports/{id}")
    ResponseEntity<ReportView> report(@PathVariable long id, DataScope scope) {
        ReportView report = reports.report(id, scope);
        return ResponseEntity.ok().eTag(IfMatch.etag(report)).body(report);
    }

    /** Without If-Match the version in the body counts; without either, the current one (last writer wins). */
    @PutMapping("/api/v1/reports/{id}")
    ResponseEntity<ReportView> update(@PathVariable long id, @Valid @RequestBody ReportCommand command,
                                      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
                                      @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        int version = ifMatch == null ? reports.report(id, scope).version() : IfMatch.version(ifMatch);
        ReportView report = reports.update(id, version, command, user, scope);
        return ResponseEntity.ok().eTag(IfMatch.etag(report)).body(report);
    }


}
