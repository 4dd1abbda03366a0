package org.gongjian.deployment;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 交流轮岗 over {@code /api/v1}: eligible deputies, drafts, approval, execution, the handover list with its two
 * signatures (password re-entry) and its verification.
 */
@RestController
class RotationApiController {

    private final RotationService rotations;

    RotationApiController(RotationService rotations) {
        this.rotations = rotations;
    }

    record SignBody(@Nullable String password) {}

    @GetMapping("/api/v1/rotations/candidates")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'LEADER')")
    List<RotationService.Candidate> candidates(@RequestParam(required = false) @Nullable Long unitId,
                                               @RequestParam(required = false) @Nullable Integer minYears,
                                               @RequestParam(required = false) @Nullable String q,
                                               @RequestParam(defaultValue = "false") boolean all, DataScope scope) {
        return rotations.candidates(unitId, minYears, q, all, scope);
    }

    @GetMapping("/api/v1/rotations")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'LEADER')")
    PageResult<RotationView> list(@RequestParam(required = false) @Nullable RotationStatus status,
                                  @RequestParam(required = false) @Nullable Integer page,
                                  @RequestParam(required = false) @Nullable Integer size, DataScope scope) {
        return rotations.rotations(status, scope, PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/rotations")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    ResponseEntity<RotationView> draft(@RequestBody RotationCommand command, @AuthenticationPrincipal CurrentUser user,
                                       DataScope scope) {
        RotationView r = rotations.draft(command, user, scope);
        return ResponseEntity.created(URI.create("/api/v1/rotations/" + r.id())).body(r);
    }

    @GetMapping("/api/v1/rotations/{id}")
    RotationView get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return rotations.visible(id, user, scope);
    }

    @GetMapping("/api/v1/rotations/{id}/handover-preview")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'LEADER')")
    HandoverContent preview(@PathVariable long id, DataScope scope) {
        return rotations.preview(id, scope);
    }

    @PostMapping("/api/v1/rotations/{id}/approve")
    @PreAuthorize("hasRole('LEADER')")
    RotationView approve(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return rotations.approve(id, user, scope);
    }

    @PostMapping("/api/v1/rotations/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    RotationView cancel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return rotations.cancel(id, user, scope);
    }

    @PostMapping("/api/v1/rotations/{id}/execute")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    RotationView execute(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return rotations.execute(id, user, scope);
    }

    @PostMapping("/api/v1/rotations/{id}/handover/sign")
    RotationView sign(@PathVariable long id, @RequestBody SignBody body, @AuthenticationPrincipal CurrentUser user,
                      DataScope scope, HttpServletRequest request) {
        return rotations.sign(id, body.password(), user, request.getRemoteAddr(), scope);
    }

    @GetMapping("/api/v1/rotations/{id}/handover/verify")
    RotationService.Verification verify(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        rotations.visible(id, user, scope);
        return rotations.verify(id, DataScope.everything());
    }
}
