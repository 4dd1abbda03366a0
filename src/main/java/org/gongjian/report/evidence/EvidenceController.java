package org.gongjian.report.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.report.EvidenceService;
import org.gongjian.report.EvidenceView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
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

/** A unit's evidence library page: photo thumbnails, documents, the upload form; downloads and thumbnails. */
@Controller
class EvidenceController {


    private final java.time.Clock clock;
    private final EvidenceService evidence;
    private final OrgService org;
    private final MessageSource messages;

    EvidenceController(EvidenceService evidence, OrgService org, MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.evidence = evidence;
        this.org = org;
        this.messages = messages;
    }

    @GetMapping("/evidence")
    String library(@RequestParam(required = false) @Nullable Long unitId,
                   @RequestParam(required = false) @Nullable Integer page, @AuthenticationPrincipal CurrentUser user,
                   DataScope scope, Model model) {
        Long id = unitId != null ? unitId : user.scopeUnitId();
        if (id == null) {
            return "redirect:/units";
        }
        UnitView unit = org.unit(id, scope);
        model.addAttribute("unit", unit);
        var result = evidence.library(id, scope, PageQuery.of(page, 24));
        model.addAttribute("result", result);
        model.addAttribute("photos", result.items().stream().filter(EvidenceView::photo).toList());
        model.addAttribute("documents", result.items().stream().filter(e -> !e.photo()).toList());
        model.addAttribute("canUpload", canUpload(user));
        model.addAttribute("maxBytes", evidence.maxBytes());
        model.addAttribute("limit", evidence.limitText());
        model.addAttribute("zone", clock.getZone());
        return "report/evidence-library";
    }

    @PostMapping("/evidence")
    @PreAuthorize("hasAnyRole('LIAISON', 'UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
    String upload(@RequestParam long unitId, @RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files,
                  DataScope scope, Locale locale, RedirectAttributes redirect) {
        org.unit(unitId, scope);
        int added = 0;
        int reused = 0;
        List<String> problems = new ArrayList<>();
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty()))).toList();
        if (chosen.isEmpty()) {
            problems.add(messages.getMessage("evidence.chooseFile", null, locale));
        }
        for (MultipartFile file : chosen) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            try (InputStream in = file.getInputStream()) {
                if (evidence.add(unitId, name, in, scope).created()) {
                    added++;
                } else {
                    reused++;
                }
            } catch (InvalidInput e) {
                problems.add(shown(name) + "：" + e.problems().get(0).message());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> done = new ArrayList<>();
        if (added > 0) {
            done.add(messages.getMessage("evidence.uploaded", new Object[]{added}, locale));
        }
        if (reused > 0) {
            done.add(messages.getMessage("evidence.reused", new Object[]{reused}, locale));
        }
        if (!done.isEmpty()) {
            redirect.addFlashAttribute("message", String.join("；", done));
        }
        redirect.addFlashAttribute("problems", problems);
        return "redirect:/evidence?unitId=" + unitId;
    }

    @GetMapping("/evidence/{id}/file")
    @PersonalDataRead("evidence")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, DataScope scope) {
        return EvidenceDownloads.attachment(evidence.open(id, scope));
    }

    @GetMapping("/evidence/{id}/thumbnail")
    ResponseEntity<InputStreamResource> thumbnail(@PathVariable long id, DataScope scope) {
        return EvidenceDownloads.inline(evidence.thumbnail(id, scope));
    }

    static boolean canUpload(CurrentUser user) {
        return user.has(Role.LIAISON) || user.has(Role.UNIT_HEAD) || user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
    }

    /** The client's name as shown in a message: no path, no control characters, not endless. */
    private static String shown(String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}|\\p{Cf}", "");
        return last.length() > 60 ? last.substring(0, 60) + "…" : last.isBlank() ? "?" : last;
    }
}
