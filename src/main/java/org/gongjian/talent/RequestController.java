package org.gongjian.talent;

import java.util.Arrays;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 服务事项 pages: the desk's list (overdue first in red), one request with its actions, messages and rating. */
@Controller
class RequestController {

    private final RequestService requests;
    private final java.time.Clock clock;

    RequestController(RequestService requests, java.time.Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @GetMapping("/talent/requests")
    String list(@RequestParam(required = false) @Nullable RequestStatus status,
                @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) @Nullable Integer page,
                DataScope scope, Model model) {
        model.addAttribute("result", requests.requests(status, null, null, overdue, scope, PageQuery.of(page, 30)));
        model.addAttribute("status", status);
        model.addAttribute("overdue", overdue);
        model.addAttribute("statuses", RequestStatus.values());
        return "talent/request-list";
    }

    @GetMapping("/talent/requests/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        RequestView request = requests.request(id, scope);
        model.addAttribute("r", request);
        model.addAttribute("actions", Arrays.stream(RequestAction.values())
                .filter(a -> requests.mayAct(request, a, user, scope)).toList());
        model.addAttribute("mayRate", TalentService.mayWrite(user) && request.status() == RequestStatus.COMPLETED
                && request.rating() == null);
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("zone", clock.getZone());
        return "talent/request-detail";
    }

    @PostMapping("/talent/requests/{id}/actions")
    String act(@PathVariable long id, @RequestParam int version, @RequestParam RequestAction action,
               @RequestParam(required = false) @Nullable String text, @AuthenticationPrincipal CurrentUser user,
               DataScope scope, RedirectAttributes flash) {
        return done(id, flash, () -> requests.act(id, version, action, text, user, scope), action.label());
    }

    @PostMapping("/talent/requests/{id}/rating")
    String rate(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable Rating rating,
                @RequestParam(required = false) @Nullable String comment, @AuthenticationPrincipal CurrentUser user,
                DataScope scope, RedirectAttributes flash) {
        return done(id, flash, () -> requests.rate(id, version, rating, comment, user, scope), "评价已登记");
    }

    @PostMapping("/talent/requests/{id}/messages")
    String message(@PathVariable long id, @RequestParam(required = false) @Nullable String body,
                   @RequestParam(required = false) @Nullable String documentName,
                   @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        return done(id, flash, () -> requests.message(id, body, documentName, user, scope), "留言已发送");
    }

    /** Post/redirect/get; a refused step comes back as a Chinese message on the request page and changes nothing. */
    private static String done(long id, RedirectAttributes flash, Runnable step, String success) {
        try {
            step.run();
            flash.addFlashAttribute("message", success);
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/talent/requests/" + id;
    }
}
