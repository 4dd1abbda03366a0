package org.gongjian.talent;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 人才库 pages: the masked list with filters, import and export; a profile, unmasked only for the office with a reason. */
@Controller
class TalentController {

    private final TalentService talents;
    private final TalentWorkbook workbook;
    private final PolicyService policies;
    private final RequestService requests;

    TalentController(TalentService talents, TalentWorkbook workbook, PolicyService policies, RequestService requests) {
        this.talents = talents;
        this.workbook = workbook;
        this.policies = policies;
        this.requests = requests;
    }

    @GetMapping("/talent")
    @PersonalDataRead("talent-list")
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String field,
                @RequestParam(required = false) @Nullable String tier,
                @RequestParam(required = false) @Nullable TalentSource source,
                @RequestParam(required = false) @Nullable Integer page, @AuthenticationPrincipal CurrentUser user,
                DataScope scope, Model model) {
        model.addAttribute("result", talents.talents(q, field, tier, source, null, scope, PageQuery.of(page, 30)));
        model.addAttribute("q", q);
        model.addAttribute("field", field);
        model.addAttribute("tier", tier);
        model.addAttribute("source", source);
        model.addAttribute("tiers", talents.tiers());
        model.addAttribute("sources", TalentSource.values());
        model.addAttribute("office", user.has(Role.TALENT_OFFICE));
        model.addAttribute("writer", TalentService.mayWrite(user));
        return "talent/talent-list";
    }

    @PostMapping("/talent/import")
    String importTalents(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                         @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty() || user.scopeUnitId() == null) {
                throw InvalidInput.of("file", "请选择要上传的 .xlsx 文件");
            }
            try (InputStream in = file.getInputStream()) {
                model.addAttribute("imported", workbook.importWorkbook(in, user.scopeUnitId(), user, scope).imported());
            }
        } catch (InvalidInput e) {
            model.addAttribute("failure", e);
        }
        return list(null, null, null, null, null, user, scope, model);
    }

    @GetMapping("/talent/export")
    @PersonalDataRead("talent-export")
    void export(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String field,
                @RequestParam(required = false) @Nullable String tier,
                @RequestParam(required = false) @Nullable TalentSource source,
                @RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal CurrentUser user,
                DataScope scope, HttpServletResponse response) throws IOException {
        TalentApiController.export(workbook, new TalentStore.Filter(q, field, tier, source, null), reason, user, scope,
                response);
    }

    @GetMapping("/talent/template")
    void template(HttpServletResponse response) throws IOException {
        TalentApiController.xlsx(response, "人才库导入模板.xlsx");
        workbook.template(response.getOutputStream());
    }

    @GetMapping("/talent/{id}")
    @PersonalDataRead("talent")
    String profile(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        return profile(talents.talent(id, scope), user, scope, model);
    }

    /** The unmasked profile, shown once in this response (never stored in the page's URL), audited with the reason. */
    @PostMapping("/talent/{id}/personal-data")
    @PersonalDataRead("talent-personal")
    String personalData(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
                        @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        try {
            return profile(talents.personalData(id, reason, user, scope), user, scope, model);
        } catch (InvalidInput e) {
            model.addAttribute("revealError", e.getMessage());
            return profile(talents.talent(id, scope), user, scope, model);
        }
    }

    @PostMapping("/talent/{id}/requests")
    String open(@PathVariable long id, @RequestParam(required = false) @Nullable Long policyId,
                @RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal CurrentUser user,
                DataScope scope, Model model) {
        try {
            if (policyId == null) {
                throw InvalidInput.of("policyId", "请选择政策");
            }
            return "redirect:/talent/requests/" + requests.open(id, policyId, note, user, scope).id();
        } catch (InvalidInput e) {
            model.addAttribute("openError", e);
            model.addAttribute("policyId", policyId);
            return profile(talents.talent(id, scope), user, scope, model);
        }
    }

    private String profile(TalentView talent, CurrentUser user, DataScope scope, Model model) {
        model.addAttribute("t", talent);
        model.addAttribute("office", user.has(Role.TALENT_OFFICE));
        model.addAttribute("writer", TalentService.mayWrite(user));
        model.addAttribute("policies", policies.policies().stream().filter(PolicyView::active).toList());
        model.addAttribute("requests", requests.requests(null, null, talent.id(), false, scope, PageQuery.of(0, 50)).items());
        return "talent/talent-profile";
    }
}
