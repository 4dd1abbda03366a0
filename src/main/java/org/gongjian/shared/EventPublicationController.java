package org.gongjian.shared;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
 * {@code gongjian.events.resubmission.max-attempts} — with 重新处理 for a failed one ({@link EventRetries}). Without
 * it a given-up publication was visible only as the health component DOWN, a gauge and a log line, and could be
 * re-armed only in SQL.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class EventPublicationController {

    private final EventPublicationTable publications;
    private final EventRetries retries;
    private final EventResubmissionSettings settings;
    private final Clock clock;

    EventPublicationController(EventPublicationTable publications, EventRetries retries,
                               EventResubmissionSettings settings, Clock clock) {
        this.publications = publications;
        this.retries = retries;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/admin/events")
    String page(@RequestParam(required = false) @Nullable Integer page, Model model) {
        model.addAttribute("publications", publications.unfinished(PageQuery.of(page, 50)));
        model.addAttribute("maxAttempts", settings.maxAttempts());
        model.addAttribute("zone", clock.getZone());
        return "shared/events";
    }

    /**
     * Re-arms one FAILED publication for the scheduled job's next run (EventRetries), audited in the same transaction.
     * A refusal says the publication's state as it is now, not as the page showed it.
     */
    @PostMapping("/admin/events/{id}/retry")
    String retry(@PathVariable UUID id, RedirectAttributes redirect) {
        String name = publications.unfinished(id).orElseThrow(() -> new NotFound("event", id)).eventName();
        EventRetries.Outcome outcome = retries.request(id);
        UnfinishedPublication now = publications.unfinished(id).orElse(null);   // the job may have finished it already
        switch (outcome) {
            case SCHEDULED -> redirect.addFlashAttribute("retried", name);
            case UNREADABLE -> redirect.addFlashAttribute("retryUnreadable", name);
            case NOT_FAILED -> redirect.addFlashAttribute("retryRefused",
                    now == null ? "DONE" : now.state(settings.maxAttempts()).name());
        }
        return "redirect:/admin/events";
    }
}
