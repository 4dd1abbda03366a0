package org.gongjian.rectification;

import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A problem's measures (整改措施), progress reports with evidence, and the verdict on them. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER', 'ORG_DEPT', 'UNIT_HEAD', 'LIAISON')")
class MeasureApiController {

    private final ProblemService problems;

    MeasureApiController(ProblemService problems) {
        this.problems = problems;
    }

    /** Progress: text and evidence ids from the unit's library ({@code POST /api/v1/units/{id}/evidence} uploads). */
    record ProgressBody(@Nullable String text, @Nullable List<Long> evidenceIds) {}

    record NoteBody(@Nullable String note) {}

    @GetMapping("/api/v1/problems/{id}/measures")
    List<MeasureView> list(@PathVariable long id, DataScope scope) {
        return problems.problem(id, scope).measures();
    }

    @PostMapping("/api/v1/problems/{id}/measures")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD', 'LIAISON')")
    MeasureView add(@PathVariable long id, @RequestBody MeasureCommand command, @AuthenticationPrincipal CurrentUser user,
                    DataScope scope) {
        return problems.addMeasure(id, command, user, scope);
    }

    @PostMapping("/api/v1/problems/{id}/measures/{measureId}/progress")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'UNIT_HEAD', 'LIAISON')")
    ProblemView progress(@PathVariable long id, @PathVariable long measureId, @RequestBody ProgressBody body,
                         @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return problems.reportProgress(id, measureId, body.text(), body.evidenceIds(), user, scope);
    }

    @PostMapping("/api/v1/problems/{id}/measures/{measureId}/accept")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD')")
    ProblemView accept(@PathVariable long id, @PathVariable long measureId, @RequestBody(required = false) @Nullable NoteBody body,
                       @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return problems.judge(id, measureId, true, body == null ? null : body.note(), user, scope);
    }

    @PostMapping("/api/v1/problems/{id}/measures/{measureId}/reject")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD')")
    ProblemView reject(@PathVariable long id, @PathVariable long measureId, @RequestBody NoteBody body,
                       @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return problems.judge(id, measureId, false, body.note(), user, scope);
    }
}
