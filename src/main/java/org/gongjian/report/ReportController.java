package org.gongjian.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reporting pages: the phone form and a report with its review (the actions: {@link ReportReviewController}). */
@Controller
class ReportController {

    private final ReportService reports;
    private final EvidenceService evidence;
    private final TaskService tasks;
    private final CampaignService campaigns;
    private final Clock clock;

    ReportController(ReportService reports, EvidenceService evidence, TaskService tasks,
                     CampaignService campaigns, Clock clock) {
        this.reports = reports;
        this.evidence = evidence;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @GetMapping("/tasks/{taskId}/reports")
    String ofTask(@PathVariable long taskId, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        model.addAttribute("task", tasks.task(taskId, scope));
        model.addAttribute("reports", reports.ofTask(taskId, scope));
        model.addAttribute("canReport", user.has(Role.LIAISON) || user.has(Role.UNIT_HEAD) || user.has(Role.ADMIN));
        model.addAttribute("verification", reports.verify(taskId, scope));
        return "report/task-reports";
    }

    @GetMapping("/tasks/{taskId}/reports/new")
    String newReport(@PathVariable long taskId, @RequestParam(required = false) @Nullable String period,
                     DataScope scope, Model model) {
        TaskView task = tasks.task(taskId, scope);
        CampaignView campaign = campaigns.campaign(task.campaignId(), scope);
        String chosen = period != null ? ReportingPeriod.parse(period, campaign).label()
                : reports.suggestedPeriod(taskId, scope).label();
        // Last period's figures are a starting point worth typing over; its words are shown beside the fields
        // (上期), never copied in as this period's.
        ReportView last = reports.previous(taskId, chosen);
        return form(model, task, campaign, null, ReportForm.prefilled(last, task, chosen), last, List.of(), null, scope);
    }

    @PostMapping("/tasks/{taskId}/reports")
    String create(@PathVariable long taskId, @RequestParam Map<String, String> params,
                  @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
                  @RequestParam(name = "evidenceIds", required = false) @Nullable List<Long> chosen,
                  @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model, RedirectAttributes redirect) {
        TaskView task = tasks.task(taskId, scope);
        ReportForm form = ReportForm.from(params, task);
        try {
            ReportCommand command = form.command(task);
            // Files first: a refused file refuses the whole form before any report exists.
            List<Long> attach = new ArrayList<>(uploads(task.leadUnitId(), files, scope));
            ReportView report = reports.start(taskId, command, user, scope);
            attach.addAll(chosen == null ? List.of() : chosen);
            attach.forEach(id -> reports.attach(report.id(), id, user, scope));
            return afterSave(report, params, user, scope, redirect);
        } catch (InvalidInput | Conflict e) {
            String period = form.period() == null ? reports.suggestedPeriod(taskId, scope).label() : form.period();
            return form(model, task, campaigns.campaign(task.campaignId(), scope), null, form,
                    reports.previous(taskId, period), problems(e), ticked(chosen), scope);
        }
    }

    /** Stores the uploaded files in the unit's library; empty file fields (nothing chosen) are skipped. */
    private List<Long> uploads(long unitId, @Nullable List<MultipartFile> files, DataScope scope) {
        List<Long> ids = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
                continue;
            }
            try (java.io.InputStream in = file.getInputStream()) {
                ids.add(evidence.upload(unitId, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in, scope).id());
            } catch (java.io.IOException e) {
                throw InvalidInput.of("files", "文件“" + file.getOriginalFilename() + "”读取失败，请重新选择");
            }
        }
        return ids;
    }

    @GetMapping("/reports/{id}/edit")
    String edit(@PathVariable long id, DataScope scope, Model model) {
        ReportView report = reports.report(id, scope);
        TaskView task = tasks.task(report.taskId(), scope);
        return form(model, task, campaigns.campaign(task.campaignId(), scope), report,
                ReportForm.of(report, task, report.period()), reports.previous(task.id(), report.period()), List.of(),
                null, scope);
    }

    @PostMapping("/reports/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> params,
                  @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
                  @RequestParam(name = "evidenceIds", required = false) @Nullable List<Long> chosen,
                  @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model, RedirectAttributes redirect) {
        ReportView report = reports.report(id, scope);
        TaskView task = tasks.task(report.taskId(), scope);
        ReportForm form = ReportForm.from(params, task);
        try {
            ReportCommand command = form.command(task);
            int version = form.version() == null ? report.version() : form.version();
            List<Long> uploaded = uploads(report.unitId(), files, scope);
            ReportView saved = reports.update(id, version, command, user, scope);
            java.util.Set<Long> keep = new java.util.HashSet<>(chosen == null ? List.of() : chosen);
            for (EvidenceView attached : saved.evidence()) {
                if (!keep.contains(attached.id())) {
                    reports.detach(id, attached.id(), user, scope);
                }
            }
            keep.addAll(uploaded);
            keep.forEach(e -> reports.attach(id, e, user, scope));
            return afterSave(saved, params, user, scope, redirect);
        } catch (InvalidInput | Conflict e) {
            return form(model, task, campaigns.campaign(task.campaignId(), scope), report, form,
                    reports.previous(task.id(), report.period()), problems(e), ticked(chosen), scope);
        }
    }

    @GetMapping("/reports/{id}")
    String report(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        ReportView report = reports.report(id, scope);
        TaskView task = tasks.task(report.taskId(), scope);
        model.addAttribute("report", report);
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("task", task);
        model.addAttribute("canEdit", ReportPolicy.mayEdit(user, report.status()));
        model.addAttribute("canReview", ReportPolicy.mayReview(user, report.status(), report.reviewStage(),
                report.submittedBy()));
        model.addAttribute("canCorrect", ReportPolicy.mayCorrect(user, report.status()));
        model.addAttribute("diff", reports.diff(report));
        return "report/report-detail";
    }

    private String afterSave(ReportView report, Map<String, String> params, CurrentUser user, DataScope scope,
                             RedirectAttributes redirect) {
        if ("submit".equals(params.get("action"))) {
            // The same figures and words as last period: saved, but submitted only once the liaison confirms.
            if (!params.containsKey("confirmUnchanged") && reports.diff(report).unchanged()) {
                redirect.addFlashAttribute("unchanged", true);
                return "redirect:/reports/" + report.id() + "/edit";
            }
            try {
                ReportView submitted = org.gongjian.shared.LockRetry.run(() -> reports.submit(report.id(), null, user, scope));
                redirect.addFlashAttribute("message", submitted.late() ? "报告已提交（已超过截止日期，记为迟报）" : "报告已提交");
            } catch (InvalidInput | DomainException e) {
                // The draft is kept; the liaison fixes what is missing and submits again.
                redirect.addFlashAttribute("error", "草稿已保存，但未能提交：" + e.getMessage());
                return "redirect:/reports/" + report.id() + "/edit";
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                redirect.addFlashAttribute("error", "草稿已保存，但未能提交：系统繁忙，请稍后再提交");
                return "redirect:/reports/" + report.id() + "/edit";
            }
        } else {
            redirect.addFlashAttribute("message", "草稿已保存");
        }
        return "redirect:/reports/" + report.id();
    }

    /**
     * The files the liaison ticked, shown ticked again when the form comes back with an error (before, a new report's
     * ticks were dropped and an edited report's reverted to what was saved); null: what the report has.
     */
    private String form(Model model, TaskView task, CampaignView campaign, @Nullable ReportView report, ReportForm form,
                        @Nullable ReportView last, List<String> errors, @Nullable List<Long> ticked, DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        List<ReportingPeriod> periods = new ArrayList<>();
        ReportingPeriod p = ReportingPeriod.containing(today.isAfter(task.dueDate()) ? task.dueDate() : today, campaign);
        for (int i = 0; i < 6 && !p.end().isBefore(task.startDate()); i++, p = p.previous()) {
            periods.add(p);
        }
        model.addAttribute("task", task);
        model.addAttribute("campaign", campaign);
        model.addAttribute("report", report);
        model.addAttribute("form", form);
        model.addAttribute("last", last);
        model.addAttribute("periods", periods);
        model.addAttribute("errors", errors);
        List<Long> saved = report == null ? List.of() : report.evidence().stream().map(EvidenceView::id).toList();
        model.addAttribute("attached", ticked != null ? ticked : saved);
        // Collect once, reuse: the unit's recent files, ready to tick instead of uploading again.
        List<EvidenceView> library = new ArrayList<>(report == null ? List.of() : report.evidence());
        try {
            evidence.library(task.leadUnitId(), scope, new org.gongjian.shared.PageQuery(0, 12)).items().stream()
                    .filter(e -> !saved.contains(e.id())).forEach(library::add);
        } catch (org.gongjian.shared.NotFound outOfScope) {
            // someone outside the lead unit: no library to offer
        }
        model.addAttribute("library", library);
        return "report/report-form";
    }

    private static List<Long> ticked(@Nullable List<Long> chosen) {
        return chosen == null ? List.of() : chosen;
    }

    private static List<String> problems(RuntimeException e) {
        if (e instanceof InvalidInput invalid) {
            return invalid.problems().stream().map(InvalidInput.FieldProblem::message).distinct().toList();
        }
        return List.of(e.getMessage());
    }
}
