package org.gongjian.assessment.record;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.assessment.MarkKind;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PersonalDataRead;
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

/** The cadre list to pick from, a cadre's timeline page, and the organisation department's mark form. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'LEADER')")
class RecordController {

    private final RecordService records;

    RecordController(RecordService records) {
        this.records = records;
    }

    @GetMapping("/cadres")
    @PersonalDataRead("cadre-list")
    String cadres(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer page,
                  DataScope scope, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("people", records.cadres(q, scope, PageQuery.of(page, 50)));
        return "assessment/cadres";
    }

    @GetMapping("/cadres/{personId}/record")
    @PersonalDataRead("cadre-record")
    String record(@PathVariable long personId, @RequestParam(required = false) @Nullable Integer year,
                  @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        model.addAttribute("record", records.read(personId, year, scope));
        model.addAttribute("canMark", user.has(Role.ORG_DEPT) || user.has(Role.ADMIN));
        model.addAttribute("kinds", MarkKind.values());
        return "assessment/record";
    }

    @PostMapping("/cadres/{personId}/marks")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    String mark(@PathVariable long personId, @RequestParam(required = false) @Nullable String kind,
                @RequestParam(required = false) @Nullable String description,
                @RequestParam(required = false) @Nullable String date,
                @RequestParam(required = false) @Nullable String evidenceIds,
                @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        try {
            MarkKind k = kind == null || kind.isBlank() ? null : MarkKind.valueOf(kind);
            LocalDate d = date == null || date.isBlank() ? null : LocalDate.parse(date);
            records.mark(personId, new RecordService.MarkCommand(k, description, d, ids(evidenceIds)),
                    user.getUsername(), scope);
            flash.addFlashAttribute("message", "已记入实绩档案");
        } catch (InvalidInput e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            flash.addFlashAttribute("error", "类别或日期格式有误");
        }
        return "redirect:/cadres/" + personId + "/record";
    }

    static List<Long> ids(@Nullable String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        for (String part : text.split("[,，、\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                throw InvalidInput.of("evidenceIds", "证据材料编号“" + part + "”不是数字");
            }
        }
        return ids;
    }
}
