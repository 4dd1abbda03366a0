package org.gongjian.briefing.document;

import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The briefing pages: the months of a campaign, the preview (the same content as the files), edit and publish. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER', 'ORG_DEPT')")
class BriefingController {

    private final BriefingService briefings;
    private final BriefingDocx docx;
    private final BriefingPdf pdf;
    private final BriefingCharts charts;

    BriefingController(BriefingService briefings, BriefingDocx docx, BriefingPdf pdf, BriefingCharts charts) {
        this.briefings = briefings;
        this.docx = docx;
        this.pdf = pdf;
        this.charts = charts;
    }

    record NarrativeForm(@Nullable String overview, @Nullable String commendations, @Nullable String nextSteps) {}

    record RankingRows(String name, List<String[]> top, List<String[]> bottom) {}

    record SettingsForm(@Nullable String issuingUnit, @Nullable String numberPrefix) {}

    @GetMapping("/campaigns/{campaignId}/briefings")
    String months(@PathVariable long campaignId, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("months", briefings.months(campaignId, scope));
        model.addAttribute("settings", briefings.settings(campaignId, scope));
        model.addAttribute("office", office(user));
        return "briefing/briefing-list";
    }

    @GetMapping("/campaigns/{campaignId}/briefings/{period}")
    String briefing(@PathVariable long campaignId, @PathVariable BriefingPeriod period,
                    @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        BriefingService.BriefingView view = briefings.briefing(campaignId, period, scope);
        model.addAttribute("view", view);
        model.addAttribute("d", view.data());
        text(view.data(), model);
        model.addAttribute("office", office(user) && !view.published());
        if (!model.containsAttribute("form")) {
            BriefingData.Narrative n = view.data().narrative();
            model.addAttribute("form", new NarrativeForm(n.overview(), n.commendations(), n.nextSteps()));
        }
        return "briefing/briefing";
    }

    @PostMapping("/campaigns/{campaignId}/briefings/{period}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String edit(@PathVariable long campaignId, @PathVariable BriefingPeriod period, NarrativeForm form,
                @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            briefings.saveNarrative(campaignId, period, new BriefingData.Narrative(text(form.overview()),
                    text(form.commendations()), text(form.nextSteps())), user.getUsername(), scope);
        } catch (InvalidInput e) {
            model.addAttribute("form", form);
            model.addAttribute("error", problems(e));
            return briefing(campaignId, period, user, scope, model);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/campaigns/" + campaignId + "/briefings/" + period;
        }
        redirect.addFlashAttribute("message", "通报正文已保存");
        return "redirect:/campaigns/" + campaignId + "/briefings/" + period;
    }

    @PostMapping("/campaigns/{campaignId}/briefings/{period}/publish")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String publish(@PathVariable long campaignId, @PathVariable BriefingPeriod period,
                   @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes redirect) {
        try {
            BriefingService.BriefingView view = briefings.publish(campaignId, period, user.getUsername(), scope);
            redirect.addFlashAttribute("message", "通报已印发：" + view.data().head().number());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaigns/" + campaignId + "/briefings/" + period;
    }

    @PostMapping("/campaigns/{campaignId}/briefings/settings")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String settings(@PathVariable long campaignId, SettingsForm form, @AuthenticationPrincipal CurrentUser user,
                    DataScope scope, RedirectAttributes redirect) {
        try {
            briefings.saveSettings(campaignId, new BriefingSettings(text(form.issuingUnit()), text(form.numberPrefix())),
                    user.getUsername(), scope);
            redirect.addFlashAttribute("message", "发文单位已保存");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", problems(e));
        }
        return "redirect:/campaigns/" + campaignId + "/briefings";
    }

    @GetMapping("/campaigns/{campaignId}/briefings/{period}.docx")
    @PersonalDataRead("briefing")
    ResponseEntity<byte[]> docx(@PathVariable long campaignId, @PathVariable BriefingPeriod period, DataScope scope) {
        BriefingService.BriefingView view = briefings.briefing(campaignId, period, scope);
        return BriefingApiController.download(docx.render(view.data(), view.published()), BriefingApiController.DOCX,
                view, "docx");
    }

    @GetMapping("/campaigns/{campaignId}/briefings/{period}.pdf")
    @PersonalDataRead("briefing")
    ResponseEntity<byte[]> pdf(@PathVariable long campaignId, @PathVariable BriefingPeriod period, DataScope scope) {
        BriefingService.BriefingView view = briefings.briefing(campaignId, period, scope);
        return BriefingApiController.download(pdf.render(view.data(), view.published()), MediaType.APPLICATION_PDF,
                view, "pdf");
    }

    @GetMapping("/campaigns/{campaignId}/briefings/{period}/charts/{chart}.png")
    ResponseEntity<byte[]> chart(@PathVariable long campaignId, @PathVariable BriefingPeriod period,
                                 @PathVariable String chart, DataScope scope) {
        BriefingData d = briefings.briefing(campaignId, period, scope).data();
        byte[] png = "units".equals(chart) ? charts.units(d) : charts.lights(d);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }

    /** The same sentences and table cells the files print. */
    private static void text(BriefingData d, Model model) {
        model.addAttribute("sections", BriefingTables.SECTIONS);
        model.addAttribute("intro", BriefingText.intro(d));
        model.addAttribute("figures", BriefingText.figures(d));
        model.addAttribute("unitHeader", BriefingTables.unitHeader(d));
        model.addAttribute("units", BriefingTables.units(d));
        model.addAttribute("redSentence", BriefingTables.redSentence(d));
        model.addAttribute("redHeader", BriefingTables.RED_HEADER);
        model.addAttribute("redRows", BriefingTables.red(d));
        model.addAttribute("reportingSentence", BriefingTables.reportingSentence(d));
        model.addAttribute("reportingHeader", BriefingTables.REPORTING_HEADER);
        model.addAttribute("reporting", BriefingTables.reporting(d));
        model.addAttribute("noticeSentence", BriefingTables.noticeSentence(d));
        model.addAttribute("noRankings", BriefingText.NO_RANKINGS);
        model.addAttribute("rankingHeader", BriefingTables.RANKING_HEADER);
        model.addAttribute("rankingGroups", d.rankings() == null ? List.of() : d.rankings().groups().stream()
                .map(g -> new RankingRows(g.name(), BriefingTables.ranking(g.top()), BriefingTables.ranking(g.bottom())))
                .toList());
        model.addAttribute("date", BriefingText.date(d.head().issuedOn()));
    }

    private static boolean office(CurrentUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String problems(InvalidInput e) {
        StringBuilder s = new StringBuilder(e.getMessage()).append("：");
        e.problems().forEach(p -> s.append(label(p.field())).append(p.message()).append("；"));
        return s.toString();
    }

    private static String label(String field) {
        return switch (field) {
            case "overview" -> "总体情况";
            case "commendations" -> "通报表扬";
            case "nextSteps" -> "下步工作要求";
            case "issuingUnit" -> "发文单位";
            case "numberPrefix" -> "发文字号";
            default -> field;
        };
    }
}
