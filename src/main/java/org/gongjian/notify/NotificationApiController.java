package org.gongjian.notify;

import java.util.Map;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notifications over {@code /api/v1/notifications}. */
@RestController
class NotificationApiController {

    private final Inbox inbox;

    NotificationApiController(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Newest first; {@code ?unread=true} for the unread ones only. */
    @GetMapping("/api/v1/notifications")
    PageResult<NotificationView> list(@AuthenticationPrincipal CurrentUser user,
                                      @RequestParam(defaultValue = "false") boolean unread,
                                      @RequestParam(required = false) @Nullable Integer page,
                                      @RequestParam(required = false) @Nullable Integer size) {
        return inbox.list(user.id(), unread, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/notifications/unread-count")
    Map<String, Long> unreadCount(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("unread", inbox.unread(user.id()));
    }

    /** Marks one read (again is harmless); someone else's id answers 404. */
    @PostMapping("/api/v1/notifications/{id}/read")
    NotificationView read(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return inbox.markRead(id, user.id());
    }

    @PostMapping("/api/v1/notifications/read-all")
    Map<String, Integer> readAll(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("updated", inbox.markAllRead(user.id()));
    }
}
