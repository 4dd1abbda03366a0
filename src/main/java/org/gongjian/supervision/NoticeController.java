package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.report.EvidenceService;
import org.gongjian.report.EvidenceView;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The notice register (督办台账), a notice's page with the unit's response and the office's close / escalate, and the 发督办单 form. */
@Controller
class NoticeController {

    private final NoticeService notices;
    private final TaskService tasks;
    private final EvidenceService evidence;
    private final Clock clock;

    NoticeController(NoticeService notices, TaskService tasks, EvidenceService evidence, Clock clock) {
        this.notices = notices;
        this.tasks = tasks;
        this.evidence = evidence;
        this.clock = clock;
    }

    @GetMapping("/supervision/notices")
    String register(@RequestParam(required = false) @Nullable NoticeStatus status,
                    @RequestParam(required = false) @Nullable NoticeLevel level,
                    @RequestParam(required = false) @Nullable Long unitId,
                    @RequestParam(required = false) @Nullable Long taskId,
                    @RequestParam(required = false) @Nullable Integer page, DataScope scope, Model model) {
        PageResult<NoticeView> result = notices.notices(status, level, unitId, taskId, scope, PageQuery.of(page, 30));
        model.addAttribute("result", result);
        model.addAttribute("tally", notices.tally(scope));
        model.addAttribute("levels", NoticeLevel.values());
        model.addAttribute("statuses", NoticeStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("level", level);
        model.addAttribute("unitId", unitId);
        model.addAttribute("taskId", taskId);
        return "supervision/notices";
    }

    @GetMapping("/supervision/notices/{id}")
    String notice(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        NoticeView notice = notices.notice(id, scope);
        TaskView task = tasks.task(notice.taskId(), DataScope.everything());
        boolean canRespond = NoticePolicy.mayRespond(user, notice);
        List<EvidenceView> library = List.of();
        if (canRespond) {
            try {
                library = evidence.library(notice.unitId(), scope, PageQuery.of(0, 60)).items();
            } catch (org.gongjian.shared.NotFound e) {
                library = List.of();
            }
        }
        model.addAttribute("notice", notice);
        model.addAttribute("task", task);
        model.addAttribute("canRespond", canRespond);
        model.addAttribute("canClose", NoticePolicy.mayClose(user, notice));
        model.addAttribute("canEscalate", NoticePolicy.mayEscalate(user, notice));
        model.addAttribute("library", library);
        return "supervision/notice";
    }

    @GetMapping("/supervision/notices/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String form(@RequestParam long taskId, DataScope scope, Model model) {
        TaskView task = tasks.task(taskId, scope);
        model.addAttribute("task", task);
        model.addAttribute("levels", NoticeLevel.values());
        model.addAttribute("level", task.light() == org.gongjian.campaign.Light.RED ? NoticeLevel.URGE : NoticeLevel.REMIND);
        model.addAttribute("requirement", task.lightReasons().isEmpty() ? ""
                : "该任务" + String.join("；", task.lightReasons()) + "。请于" + NoticeService.RESPONSE_DAYS + "日内报送整改情况。");
        model.addAttribute("responseDue", LocalDate.now(clock).plusDays(NoticeService.RESPONSE_DAYS));
        return "supervision/notice-form";
    }

    @PostMapping("/supervision/notices")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String create(@RequestParam long taskId, @RequestParam(required = false) @Nullable NoticeLevel level,
                  @RequestParam(defaultValue = "") String requirement, @RequestParam(defaultValue = "") String responseDue,
                  @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            LocalDate due = responseDue.isBlank() ? null : parse(responseDue);
            String text = requirement.isBlank() ? null : requirement;
            if (level == null || text == null || due == null) {
                throw InvalidInput.of(level == null ? "level" : text == null ? "requirement" : "responseDue",
                        level == null ? "请选择督办级别" : text == null ? "请填写督办要求" : "请填写反馈期限");
            }
            if (text.length() > 2000) {
                throw InvalidInput.of("requirement", "督办要求不能超过2000字");
            }
            NoticeView notice = notices.create(new NoticeCommand(taskId, null, level, text, due), user, scope);
            redirect.addFlashAttribute("message", "督办单已发出，被督办单位将在消息中看到");
            return "redirect:/supervision/notices/" + notice.id();
        } catch (InvalidInput e) {
            model.addAttribute("task", tasks.task(taskId, scope));
            model.addAttribute("levels", NoticeLevel.values());
            model.addAttribute("level", level);
            model.addAttribute("requirement", requirement);
            model.addAttribute("responseDue", responseDue);
            model.addAttribute("error", e.problems().get(0).message());
            return "supervision/notice-form";
        }
    }

    @PostMapping("/supervision/notices/{id}/responses")
    @PreAuthorize("hasAnyRole('UNIT_HEAD', 'LIAISON', 'LEADER')")
    String respond(@PathVariable long id, @RequestParam(defaultValue = "") String text,
                   @RequestParam(required = false) @Nullable List<Long> evidenceIds,
                   @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes redirect) {
        try {
            notices.respond(id, text, evidenceIds, user, scope);
            redirect.addFlashAttribute("message", "反馈已报送督查室");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.problems().get(0).message());
            redirect.addFlashAttribute("text", text);
        } catch (Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/supervision/notices/" + id;
    }

    @PostMapping("/supervision/notices/{id}/close")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String close(@PathVariable long id, @RequestParam(defaultValue = "") String note,
                 @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes redirect) {
        try {
            notices.close(id, note, user, scope);
            redirect.addFlashAttribute("message", "督办单已办结");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.problems().get(0).message());
        } catch (Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/supervision/notices/" + id;
    }

    @PostMapping("/supervision/notices/{id}/escalate")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String escalate(@PathVariable long id, @RequestParam(defaultValue = "") String requirement,
                    @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes redirect) {
        try {
            NoticeView next = notices.escalate(id, requirement, user, scope);
            redirect.addFlashAttribute("message", "已升级为" + next.levelLabel());
            return "redirect:/supervision/notices/" + next.id();
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.problems().get(0).message());
        } catch (Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/supervision/notices/" + id;
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("responseDue", "反馈期限须为日期，格式 YYYY-MM-DD");
        }
    }
}
