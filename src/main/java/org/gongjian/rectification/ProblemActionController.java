package org.gongjian.rectification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.report.EvidenceService;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The problem page's forms: a measure, progress with photos (taken on the phone), the verdict, sign-off, reopening. */
@Controller
class ProblemActionController {

    private final ProblemService problems;
    private final EvidenceService evidence;

    ProblemActionController(ProblemService problems, EvidenceService evidence) {
        this.problems = problems;
        this.evidence = evidence;
    }

    @PostMapping("/problems/{id}/measures")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD', 'LIAISON')")
    String measure(@PathVariable long id, @RequestParam(required = false) @Nullable String description,
                   @RequestParam(required = false) @Nullable String ownerName,
                   @RequestParam(required = false) @Nullable String deadline,
                   @RequestParam(required = false) @Nullable String expectedResult,
                   @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        return act(id, flash, "已添加整改措施", () -> {
            try {
                problems.addMeasure(id, new MeasureCommand(description, null, ownerName,
                        ProblemController.date(deadline), expectedResult), user, scope);
            } catch (DateTimeParseException e) {
                throw InvalidInput.of("deadline", "整改时限格式应为 2026-06-30");
            }
        });
    }

    /** Progress: the text, new photos or files (added to the unit's library first) and/or files from the library. */
    @PostMapping("/problems/{id}/measures/{measureId}/progress")
    @PreAuthorize("hasAnyRole('ADMIN', 'UNIT_HEAD', 'LIAISON')")
    String progress(@PathVariable long id, @PathVariable long measureId,
                    @RequestParam(required = false) @Nullable String text,
                    @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
                    @RequestParam(name = "evidenceIds", required = false) @Nullable List<Long> evidenceIds,
                    @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        return act(id, flash, "整改进展已报送，等待验收", () -> {
            ProblemView p = problems.problem(id, scope);
            List<Long> ids = new ArrayList<>(evidenceIds == null ? List.of() : evidenceIds);
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                if (file.isEmpty()) {
                    continue;
                }
                try (InputStream in = file.getInputStream()) {
                    String name = file.getOriginalFilename() == null ? "现场照片" : file.getOriginalFilename();
                    ids.add(evidence.upload(p.unitId(), name, in, scope).id());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            problems.reportProgress(id, measureId, text, ids, user, scope);
        });
    }

    @PostMapping("/problems/{id}/measures/{measureId}/verdict")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD')")
    String verdict(@PathVariable long id, @PathVariable long measureId, @RequestParam boolean accept,
                   @RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal CurrentUser user,
                   DataScope scope, RedirectAttributes flash) {
        return act(id, flash, accept ? "已验收，措施完成" : "已退回，请单位继续整改",
                () -> problems.judge(id, measureId, accept, note, user, scope));
    }

    @PostMapping("/problems/{id}/signoff")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD')")
    String signOff(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
                   @RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal CurrentUser user,
                   DataScope scope, RedirectAttributes flash) {
        return act(id, flash, "问题已销号", () -> problems.signOff(id, version, reason, user, scope));
    }

    @PostMapping("/problems/{id}/reopen")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD')")
    String reopen(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
                  @RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal CurrentUser user,
                  DataScope scope, RedirectAttributes flash) {
        return act(id, flash, "已标记问题反弹，请重新制定整改措施", () -> problems.reopen(id, version, reason, user, scope));
    }

    /** Runs the action; a refusal is shown on the page (nothing changed), a missing problem stays a 404. */
    private static String act(long id, RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (InvalidInput | DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/problems/" + id;
    }
}
