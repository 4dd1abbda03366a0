package org.gongjian.shared;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 后台事件处理 for administrators: the work each module does after a change commits (today: telling a red task's unit
 * of it) that has not finished — running, waiting for its next try, or given up after
 * {@code gongjian.events.resubmission.max-attempts} — with 重新处理 for a failed one. Without it a given-up
 * publication was visible only as the health component DOWN, a gauge and a log line, and could be re-armed only in SQL.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class EventPublicationController {

    private final EventPublicationTable publications;
    private final EventResubmission resubmission;
    private final EventResubmissionSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EventPublicationController(EventPublicationTable publications, EventResubmission resubmission,
                               EventResubmissionSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.publications = publications;
        this.resubmission = resubmission;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/admin/events")
    String page(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("publications", publications.unfinished(PageQuery.of(page, 50)));
        model.addAttribute("maxAttempts", settings.maxAttempts());
        model.addAttribute("zone", clock.getZone());
        return "shared/events";
    }

    /**
     * Resubmits one FAILED publication now. The listener runs after this request, on its own thread, so the page
     * shows it as 已重新提交 and then gone (done) or failed again. Audited with the state before and after.
     */
    @PostMapping("/admin/events/{id}/retry")
    String retry(@PathVariable UUID id, RedirectAttributes redirect) {
        UnfinishedPublication before = publications.unfinished(id)
                .orElseThrow(() -> new NotFound("event", id));
        EventResubmission.Retry retry = resubmission.resubmitNow(id);
        if (retry == EventResubmission.Retry.NOT_FAILED) {
            redirect.addFlashAttribute("retryRefused", before.state(settings.maxAttempts()).name());
            return "redirect:/admin/events";
        }
        if (retry == EventResubmission.Retry.UNREADABLE) {
            redirect.addFlashAttribute("retryUnreadable", before.eventName());
            return "redirect:/admin/events";
        }
        events.publishEvent(new AuditableChange("event.retry", "event", id.toString(),
                Map.of("status", before.status(), "attempts", before.attempts(), "event", before.eventName()),
                Map.of("status", "RESUBMITTED", "attempts", before.attempts() + 1)));
        redirect.addFlashAttribute("retried", before.eventName());
        return "redirect:/admin/events";
    }
}
