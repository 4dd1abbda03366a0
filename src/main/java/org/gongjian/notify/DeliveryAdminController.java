package org.gongjian.notify;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 通知投递 for administrators: failed and waiting emails and robot messages, with the error and a retry. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class DeliveryAdminController {

    private final NotificationStore store;
    private final DeliveryDispatcher dispatcher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryAdminController(NotificationStore store, DeliveryDispatcher dispatcher, ApplicationEventPublisher events,
                            Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.events = events;
        this.clock = clock;
    }

    /** FAILED and PENDING by default; {@code ?status=SENT} shows what went out. */
    @GetMapping("/admin/deliveries")
    String page(@RequestParam(required = false) @Nullable DeliveryStatus status,
                @RequestParam(required = false) @Nullable Integer page, Model model) {
        List<DeliveryStatus> statuses = status == null ? List.of(DeliveryStatus.FAILED, DeliveryStatus.PENDING)
                : List.of(status);
        model.addAttribute("deliveries", store.deliveries(statuses, PageQuery.of(page, 50)));
        model.addAttribute("status", status);
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("zone", clock.getZone());
        return "notify/deliveries";
    }

    @PostMapping("/admin/deliveries/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        DeliveryView before = store.delivery(id).orElseThrow(() -> new NotFound("delivery", id));
        boolean sent = dispatcher.retry(id);
        DeliveryView after = store.delivery(id).orElseThrow();
        events.publishEvent(new AuditableChange("delivery.retry", "notification_delivery", String.valueOf(id),
                Map.of("status", before.status(), "attempts", before.attempts()),
                Map.of("status", after.status(), "attempts", after.attempts())));
        redirect.addFlashAttribute("retried", id);
        redirect.addFlashAttribute("retrySent", sent);
        redirect.addFlashAttribute("retryError", after.lastError() == null ? "" : after.lastError());
        return "redirect:/admin/deliveries";
    }
}
