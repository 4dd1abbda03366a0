package org.gongjian.talent;

import java.time.Clock;
import java.time.LocalDate;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The policy catalogue, the holiday calendar (the admin maintains it) and the dashboard pages. */
@Controller
class DeskPagesController {

    private final PolicyService policies;
    private final HolidayCalendar holidays;
    private final TalentDashboard dashboard;
    private final JsonMapper json;
    private final Clock clock;

    DeskPagesController(PolicyService policies, HolidayCalendar holidays, TalentDashboard dashboard, JsonMapper json,
                        Clock clock) {
        this.policies = policies;
        this.holidays = holidays;
        this.dashboard = dashboard;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/talent/policies")
    String policies(Model model) {
        model.addAttribute("policies", policies.policies());
        return "talent/policies";
    }

    @GetMapping("/talent/holidays")
    String holidays(@RequestParam(required = false) @Nullable Integer year, Model model) {
        int y = year != null ? year : LocalDate.now(clock).getYear();
        model.addAttribute("year", y);
        model.addAttribute("days", holidays.year(y));
        return "talent/holidays";
    }

    @PostMapping("/talent/holidays")
    @PreAuthorize("hasRole('ADMIN')")
    String putHoliday(@RequestParam(required = false) @Nullable LocalDate day,
                      @RequestParam(required = false) WorkingCalendar.@Nullable DayKind kind,
                      @RequestParam(required = false) @Nullable String name, @RequestParam(defaultValue = "false") boolean remove,
                      RedirectAttributes flash) {
        try {
            if (day == null) {
                throw InvalidInput.of("day", "请选择日期");
            }
            if (remove) {
                holidays.remove(day);
            } else {
                holidays.put(day, kind, name);
            }
            flash.addFlashAttribute("message", "已保存 " + day);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/talent/holidays?year=" + (day == null ? LocalDate.now(clock).getYear() : day.getYear());
    }

    @GetMapping("/talent/dashboard")
    String dashboard(DataScope scope, Model model) {
        TalentDashboard.View view = dashboard.view(scope);
        model.addAttribute("d", view);
        model.addAttribute("dashboardJson", json.writeValueAsString(view));
        return "talent/dashboard";
    }
}
