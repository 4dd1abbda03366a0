package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.Validator;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Light evaluation, light counts and history, confidence judgements over {@code /api/v1}. */
@RestController
class SupervisionApiController {

    private final LightEvaluation lights;
    private final ConfidenceService confidence;
    private final Validator validator;
    private final SupervisionDailyJob daily;
    private final Clock clock;

    SupervisionApiController(LightEvaluation lights, ConfidenceService confidence, Validator validator,
                             SupervisionDailyJob daily, Clock clock) {
        this.daily = daily;
        this.lights = lights;
        this.confidence = confidence;
        this.validator = validator;
        this.clock = clock;
    }

    /** Evaluates every campaign run within the caller's scope as of a date (default today). */
    @PostMapping("/api/v1/supervision/evaluate")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    LightEvaluation.Summary evaluate(@RequestParam(required = false) @Nullable String asOf, DataScope scope)
            throws BindException {
        LocalDate date = date(asOf);
        daily.checkInBounds(date);
        return org.gongjian.shared.LockRetry.run(() -> lights.evaluateAll(scope, date));
    }

    /**
     * Exactly the daily job for one date (default today): every campaign's lights, the escalation rules, the deadline
     * reminders, and the day recorded as completed. Idempotent: running a date again creates no second notice.
     */
    @PostMapping("/api/v1/supervision/run")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    SupervisionDailyJob.Result run(@RequestParam(required = false) @Nullable String asOf) throws BindException {
        LocalDate date = date(asOf);
        daily.checkInBounds(date);
        return daily.runDay(date, "API");
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/light-counts")
    LightEvaluation.LightCounts counts(@PathVariable long campaignId,
                                      @RequestParam(defaultValue = "false") boolean topLevel, DataScope scope) {
        return lights.counts(campaignId, scope, topLevel);
    }

    @PutMapping("/api/v1/tasks/{id}/confidence")
    ConfidenceView judge(@PathVariable long id, @RequestBody ConfidenceCommand command,
                         @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        var problems = validator.validate(command).stream()
                .map(v -> new InvalidInput.FieldProblem(v.getPropertyPath().toString(), null, v.getMessage()))
                .sorted(java.util.Comparator.comparing(InvalidInput.FieldProblem::field)).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        return confidence.judge(id, command, user, scope);
    }

    @GetMapping("/api/v1/tasks/{id}/confidence")
    List<ConfidenceView> judgements(@PathVariable long id, DataScope scope) {
        return confidence.judgements(id, scope);
    }

    private LocalDate date(@Nullable String asOf) throws BindException {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            throw SupervisionDailyJob.badDate(asOf, "asOf 须为日期，格式 YYYY-MM-DD");
        }
    }
}
