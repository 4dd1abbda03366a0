package org.gongjian.report;

import java.net.URI;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.LockRetry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A report's review over {@code /api/v1}: submit, return, approve, and the correction of an approved report.
 * {@code If-Match: <version>} makes a step conditional, so a double approval is a 409.
 */
@RestController
class ReportReviewApiController {

    private final ReportService reports;

    ReportReviewApiController(ReportService reports) {
        this.reports = reports;
    }

    record ReturnBody(@Nullable String reason) {}

    @PostMapping("/api/v1/reports/{id}/submit")
    ReportView submit(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
                      @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return LockRetry.run(() -> reports.submit(id, ifMatch == null ? null : IfMatch.version(ifMatch), user, scope));
    }

    @PostMapping("/api/v1/reports/{id}/return")
    ReportView returnReport(@PathVariable long id, @RequestBody(required = false) @Nullable ReturnBody body,
                            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
                            @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return reports.returnReport(id, ifMatch == null ? null : IfMatch.version(ifMatch), body == null ? null : body.reason(),
                user, scope);
    }

    @PostMapping("/api/v1/reports/{id}/approve")
    ReportView approve(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
                       @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return LockRetry.run(() -> reports.approve(id, ifMatch == null ? null : IfMatch.version(ifMatch), user, scope));
    }

    @PostMapping("/api/v1/reports/{id}/corrections")
    ResponseEntity<ReportView> correct(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        ReportView correction = reports.correct(id, user, scope);
        return ResponseEntity.created(URI.create("/api/v1/reports/" + correction.id())).body(correction);
    }
}
