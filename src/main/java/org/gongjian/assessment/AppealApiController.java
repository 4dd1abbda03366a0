package org.gongjian.assessment;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Appeals, the scheme, report ratings and commendations over {@code /api/v1}. */
@RestController
class AppealApiController {

    private final AppealService appeals;
    private final SchemeService schemes;

    AppealApiController(AppealService appeals, SchemeService schemes) {
        this.appeals = appeals;
        this.schemes = schemes;
    }

    /** Shape checks answer 400 (empty reason, no item); rule checks in the service answer 404/409/422. */
    record AppealBody(@NotNull Long itemId, @NotBlank(message = "请填写申诉理由") String reason,
                      @Nullable List<Long> evidenceIds) {}

    record DecisionBody(@NotNull Boolean uphold, @NotBlank(message = "请填写处理理由") String reason) {}

    record RatingBody(@NotNull Grade grade) {}

    record CommendationBody(@NotNull Long unitId, @NotBlank String period,
                            @NotBlank(message = "请填写表扬理由") String reason) {}

    @PostMapping("/api/v1/appeals")
    @PreAuthorize("hasAnyRole('UNIT_HEAD', 'LIAISON')")
    ResponseEntity<AppealView> file(@Valid @RequestBody AppealBody body, @AuthenticationPrincipal CurrentUser user,
                                    DataScope scope) {
        AppealView appeal = appeals.file(body.itemId(), body.reason(), body.evidenceIds(), user, scope);
        return ResponseEntity.created(URI.create("/api/v1/appeals/" + appeal.id())).body(appeal);
    }

    @GetMapping("/api/v1/appeals/{id}")
    AppealView appeal(@PathVariable long id, DataScope scope) {
        return appeals.appeal(id, scope);
    }

    @GetMapping("/api/v1/campaigns/{id}/appeals")
    List<AppealView> appeals(@PathVariable long id, @RequestParam(required = false) @Nullable AppealStatus status,
                             DataScope scope) {
        return appeals.appeals(id, status, scope);
    }

    @PostMapping("/api/v1/appeals/{id}/decision")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    AppealView decide(@PathVariable long id, @Valid @RequestBody DecisionBody body,
                      @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return appeals.decide(id, body.uphold(), body.reason(), user, scope);
    }

    @GetMapping("/api/v1/campaigns/{id}/assessment-scheme")
    Scheme scheme(@PathVariable long id, DataScope scope) {
        return schemes.scheme(id, scope);
    }

    @PutMapping("/api/v1/campaigns/{id}/assessment-scheme")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Scheme updateScheme(@PathVariable long id, @Valid @RequestBody Scheme scheme,
                        @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return schemes.update(id, scheme, user, scope);
    }

    @PutMapping("/api/v1/assessment/ratings/{reportId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<Void> rate(@PathVariable long reportId, @Valid @RequestBody RatingBody body,
                              @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        schemes.rate(reportId, body.grade(), user, scope);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/campaigns/{id}/commendations")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER')")
    ResponseEntity<SchemeService.Commendation> commend(@PathVariable long id, @Valid @RequestBody CommendationBody body,
                                                       @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        SchemeService.Commendation c = schemes.commend(id, body.unitId(), body.period(), body.reason(), user, scope);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/commendations")).body(c);
    }

    @GetMapping("/api/v1/campaigns/{id}/commendations")
    List<SchemeService.Commendation> commendations(@PathVariable long id, DataScope scope) {
        return schemes.commendations(id, scope);
    }
}
