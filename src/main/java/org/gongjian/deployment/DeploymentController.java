package org.gongjian.deployment;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of 三下沉: batches and deployments (ORG_DEPT runs them; leaders and unit heads read), one deployment with its
 * months and logs, the month's presence with the shortfalls, and the phone-first work log for the cadre.
 */
@Controller
class DeploymentController {

    private final DeploymentService deployments;
    private final PresenceService presence;
    private final WorkLogService logs;
    private final DeploymentWorkbook workbook;
    private final Clock clock;

    DeploymentController(DeploymentService deployments, PresenceService presence, WorkLogService logs,
                         DeploymentWorkbook workbook, Clock clock) {
        this.deployments = deployments;
        this.presence = presence;
        this.logs = logs;
        this.workbook = workbook;
        this.clock = clock;
    }

    @GetMapping("/deployments")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'LEADER', 'UNIT_HEAD')")
    String list(@RequestParam(required = false) @Nullable Long batchId,
                @RequestParam(required = false) @Nullable DeploymentKind kind,
                @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer page,
                DataScope scope, Model model) {
        model.addAttribute("batches", deployments.batches(scope));
        model.addAttribute("kinds", DeploymentKind.values());
        model.addAttribute("batchId", batchId);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("deployments", deployments.deployments(batchId, kind, null, null, q, scope, PageQuery.of(page, 50)));
        YearMonth month = YearMonth.now(clock);
        model.addAttribute("month", month);
        model.addAttribute("shortCount", presence.shortfalls(month, null, scope).size());
        return "deployment/deployments";
    }

    @PostMapping("/deployments/batches")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    String createBatch(@RequestParam(required = false) @Nullable String name,
                       @RequestParam(required = false) @Nullable DeploymentKind kind,
                       @RequestParam(required = false) @Nullable String startDate,
                       @RequestParam(required = false) @Nullable String endDate,
                       @RequestParam(required = false) @Nullable Integer minDays,
                       @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        try {
            Long owner = scope.unitId();
            BatchView b = deployments.createBatch(new BatchCommand(name, kind, owner, date(startDate), date(endDate), minDays),
                    user, scope);
            flash.addFlashAttribute("message", "已创建批次“" + b.name() + "”");
            return "redirect:/deployments/batches/" + b.id();
        } catch (InvalidInput | DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
            // the form comes back open with what was typed (it came back closed and empty)
            java.util.LinkedHashMap<String, String> draft = new java.util.LinkedHashMap<>();
            draft.put("name", name == null ? "" : name);
            draft.put("kind", kind == null ? "" : kind.name());
            draft.put("startDate", startDate == null ? "" : startDate);
            draft.put("endDate", endDate == null ? "" : endDate);
            draft.put("minDays", minDays == null ? "" : minDays.toString());
            flash.addFlashAttribute("batchDraft", draft);
            return "redirect:/deployments";
        }
    }

    @GetMapping("/deployments/batches/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'LEADER', 'UNIT_HEAD')")
    String batch(@PathVariable long id, DataScope scope, Model model) {
        model.addAttribute("batch", deployments.batch(id, scope));
        model.addAttribute("deployments", deployments.deployments(id, null, null, null, null, scope, new PageQuery(0, 200)));
        model.addAttribute("month", YearMonth.now(clock));
        return "deployment/batch";
    }

    @PostMapping("/deployments/batches/{id}/{action:end|extend|rule}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    String change(@PathVariable long id, @PathVariable String action,
                  @RequestParam(required = false) @Nullable String date,
                  @RequestParam(required = false) @Nullable String fromMonth,
                  @RequestParam(required = false) @Nullable Integer minDays,
                  @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        try {
            switch (action) {
                case "end" -> deployments.end(id, date(date), user, scope);
                case "extend" -> deployments.extend(id, date(date), user, scope);
                default -> deployments.changeRule(id, fromMonth == null || fromMonth.isBlank() ? null
                        : YearMonth.parse(fromMonth), minDays, user, scope);
            }
            flash.addFlashAttribute("message", "已保存");
        } catch (InvalidInput | DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (DateTimeParseException e) {
            flash.addFlashAttribute("error", "日期或月份格式有误");
        }
        return "redirect:/deployments/batches/" + id;
    }

    @PostMapping("/deployments/batches/{id}/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    String importRows(@PathVariable long id, @RequestParam("file") MultipartFile file,
                      @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) throws IOException {
        try {
            int n = workbook.importInto(id, file.getInputStream(), user, scope).size();
            flash.addFlashAttribute("message", "已导入" + n + "条下沉安排");
        } catch (InvalidInput e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/deployments/batches/" + id;
    }

    @GetMapping("/deployments/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'LEADER', 'UNIT_HEAD')")
    String deployment(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        DeploymentView d = deployments.deployment(id, scope);
        model.addAttribute("d", d);
        model.addAttribute("months", presence.months(d));
        model.addAttribute("logs", logs.logs(id, null, user, scope, new PageQuery(0, 100)));
        return "deployment/deployment";
    }

    @GetMapping("/deployments/presence")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'LEADER', 'UNIT_HEAD')")
    String presence(@RequestParam(required = false) @Nullable String month,
                    @RequestParam(required = false) @Nullable Long batchId,
                    @RequestParam(defaultValue = "false") boolean shortOnly, DataScope scope, Model model) {
        YearMonth m = parseMonth(month);
        model.addAttribute("month", m);
        model.addAttribute("batchId", batchId);
        model.addAttribute("shortOnly", shortOnly);
        model.addAttribute("batches", deployments.batches(scope));
        List<PresenceRow> rows = presence.month(m, batchId, scope);
        model.addAttribute("shortCount", rows.stream().filter(r -> r.month().isShort()).count());
        model.addAttribute("rows", shortOnly ? rows.stream().filter(r -> r.month().isShort()).toList() : rows);
        return "deployment/presence";
    }

    // --- work logs (phone) ---------------------------------------------------------------------------------------

    @GetMapping("/work-logs")
    String myLogs(@AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        model.addAttribute("logs", logs.logs(null, user.personId() == null ? -1L : user.personId(), user, scope,
                new PageQuery(0, 50)));
        model.addAttribute("mine", logs.myDeployments(user));
        return "deployment/work-logs";
    }

    @GetMapping("/work-logs/new")
    String newLog(@AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("mine", logs.myDeployments(user).stream().filter(d -> d.activeOn(today)).toList());
        model.addAttribute("draft", logs.draft(user));
        model.addAttribute("today", today);
        return "deployment/work-log-form";
    }

    @PostMapping("/work-logs")
    String create(@RequestParam(required = false) @Nullable Long deploymentId,
                  @RequestParam(required = false) @Nullable String logDate,
                  @RequestParam(required = false) @Nullable Long taskId,
                  @RequestParam(required = false) @Nullable String workDone,
                  @RequestParam(required = false) @Nullable String peopleMet,
                  @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) throws IOException {
        try {
            List<Long> ids = new ArrayList<>();
            if (deploymentId != null && photos != null) {
                for (MultipartFile photo : photos) {
                    if (!photo.isEmpty()) {
                        ids.add(logs.uploadPhoto(deploymentId, String.valueOf(photo.getOriginalFilename()),
                                photo.getInputStream(), user).id());
                    }
                }
            }
            WorkLogView log = logs.create(new WorkLogCommand(deploymentId, date(logDate), null, workDone, taskId,
                    peopleMet, ids), user);
            flash.addFlashAttribute("message", log.flagged() ? "日志已保存；有照片被标记，请核对：" + String.join("、",
                    log.photos().stream().flatMap(p -> p.flags().stream()).filter(PhotoCheck.Flag::warning)
                            .map(PhotoCheck.Flag::label).distinct().toList()) : "日志已保存");
            return "redirect:/work-logs";
        } catch (InvalidInput | DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("workDone", workDone);
            return "redirect:/work-logs/new";
        }
    }

    private YearMonth parseMonth(@Nullable String month) {
        try {
            return month == null || month.isBlank() ? YearMonth.now(clock) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("month", "月份格式应为 2026-03");
        }
    }

    static @Nullable LocalDate date(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("date", "日期格式应为 2026-03-01");
        }
    }
}
