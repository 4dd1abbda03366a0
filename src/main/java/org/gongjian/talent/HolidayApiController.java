package org.gongjian.talent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The holiday calendar, the desk's dashboard and the indicator feeds over {@code /api/v1}. */
@RestController
class HolidayApiController {

    private final HolidayCalendar holidays;
    private final TalentDashboard dashboard;
    private final TalentFeeds feeds;
    private final Clock clock;

    HolidayApiController(HolidayCalendar holidays, TalentDashboard dashboard, TalentFeeds feeds, Clock clock) {
        this.holidays = holidays;
        this.dashboard = dashboard;
        this.feeds = feeds;
        this.clock = clock;
    }

    record DayBody(WorkingCalendar.@Nullable DayKind kind, @Nullable String name) {}

    record FeedBody(@Nullable Long taskId, @Nullable Long indicatorId, @Nullable FeedMetric metric, @Nullable Long scopeUnitId) {}

    record Deadline(LocalDate from, int workingDays, LocalDate due) {}

    @GetMapping("/api/v1/holidays")
    List<HolidayView> year(@RequestParam(required = false) @Nullable Integer year) {
        return holidays.year(year != null ? year : LocalDate.now(clock).getYear());
    }

    /** What a promise of n working days from a date comes to (the calendar explained). */
    @GetMapping("/api/v1/holidays/deadline")
    Deadline deadline(@RequestParam LocalDate from, @RequestParam int workingDays) {
        if (workingDays < 0 || workingDays > 366) {
            throw org.gongjian.shared.InvalidInput.of("workingDays", "工作日数应在0至366之间");
        }
        return new Deadline(from, workingDays, holidays.calendar().plusWorkingDays(from, workingDays));
    }

    @PutMapping("/api/v1/holidays/{day}")
    @PreAuthorize("hasRole('ADMIN')")
    HolidayView put(@PathVariable LocalDate day, @RequestBody DayBody body) {
        return holidays.put(day, body.kind(), body.name());
    }

    @DeleteMapping("/api/v1/holidays/{day}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> remove(@PathVariable LocalDate day) {
        holidays.remove(day);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/talent-dashboard")
    TalentDashboard.View dashboard(DataScope scope) {
        return dashboard.view(scope);
    }

    @GetMapping("/api/v1/talent-feeds")
    List<TalentFeeds.Binding> bindings() {
        return feeds.bindings();
    }

    @PostMapping("/api/v1/talent-feeds")
    TalentFeeds.Binding bind(@RequestBody FeedBody body, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        if (body.taskId() == null || body.indicatorId() == null || body.scopeUnitId() == null) {
            throw org.gongjian.shared.InvalidInput.of("indicatorId", "请选择任务、指标和取数范围单位");
        }
        return feeds.bind(body.taskId(), body.indicatorId(), body.metric(), body.scopeUnitId(), user, scope);
    }

    /** Feeds every bound indicator now (the daily job does it each morning). */
    @PostMapping("/api/v1/talent-feeds/run")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'TALENT_OFFICE')")
    List<TalentFeeds.Fed> run() {
        return feeds.run();
    }
}
