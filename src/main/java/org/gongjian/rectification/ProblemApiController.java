package org.gongjian.rectification;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Problems over {@code /api/v1/problems}: the ledger, recording, sign-off (销号), reopening (反弹), chain check. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER', 'ORG_DEPT', 'UNIT_HEAD', 'LIAISON')")
class ProblemApiController {

    private final ProblemService problems;

    ProblemApiController(ProblemService problems) {
        this.problems = problems;
    }

    /** A reason (sign-off, reopen) and optionally the version the client saw (stale: 409). */
    record ReasonBody(@Nullable String reason, @Nullable Integer version) {}

    @GetMapping("/api/v1/problems")
    PageResult<ProblemView> list(@RequestParam(required = false) @Nullable Long campaignId,
                                 @RequestParam(required = false) @Nullable Long unitId,
                                 @RequestParam(required = false) @Nullable ProblemSource source,
                                 @RequestParam(required = false) @Nullable ProblemStatus status,
                                 @RequestParam(defaultValue = "false") boolean overdue,
                                 @RequestParam(required = false) @Nullable Integer page,
                                 @RequestParam(required = false) @Nullable Integer size, DataScope scope) {
        return problems.problems(new ProblemService.Filter(campaignId, unitId, source, status, overdue), scope,
                PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/problems")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD', 'LIAISON')")
    ProblemView create(@RequestBody ProblemCommand command, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return problems.create(command, user, scope);
    }

    @GetMapping("/api/v1/problems/{id}")
    ProblemView get(@PathVariable long id, DataScope scope) {
        return problems.problem(id, scope);
    }

    @PostMapping("/api/v1/problems/{id}/signoff")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD')")
    ProblemView signOff(@PathVariable long id, @RequestBody ReasonBody body, @AuthenticationPrincipal CurrentUser user,
                        DataScope scope) {
        return problems.signOff(id, body.version(), body.reason(), user, scope);
    }

    @PostMapping("/api/v1/problems/{id}/reopen")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD')")
    ProblemView reopen(@PathVariable long id, @RequestBody ReasonBody body, @AuthenticationPrincipal CurrentUser user,
                       DataScope scope) {
        return problems.reopen(id, body.version(), body.reason(), user, scope);
    }

    /** Re-derives the campaign's sign-off chain; names the first broken link. */
    @GetMapping("/api/v1/campaigns/{campaignId}/problems/verify")
    ProblemChain.Verification verify(@PathVariable long campaignId, DataScope scope) {
        return problems.verify(campaignId, scope);
    }
}
