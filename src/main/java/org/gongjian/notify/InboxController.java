package org.gongjian.notify;

import java.time.Clock;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 消息: the inbox page, the unread badge in the header (htmx) and marking read. */
@Controller
class InboxController {

    private final Inbox inbox;
    private final Clock clock;

    InboxController(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @GetMapping("/inbox")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean unread,
                @RequestParam(required = false) @Nullable Integer page, Model model) {
        model.addAttribute("notifications", inbox.list(user.id(), unread, PageQuery.of(page, 30)));
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("unreadCount", inbox.unread(user.id()));
        model.addAttribute("zone", clock.getZone());
        return "notify/inbox";
    }

    /** The badge's content; empty without a session (the badge polls, and a lapsed session must not swap in the login page). */
    @GetMapping("/inbox/count")
    String count(@AuthenticationPrincipal @Nullable CurrentUser user, Model model) {
        model.addAttribute("count", user == null ? 0L : inbox.unread(user.id()));
        return "notify/inbox-count :: badge";
    }

    @PostMapping("/inbox/{id}/read")
    String read(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                @RequestParam(defaultValue = "false") boolean unread) {
        inbox.markRead(id, user.id());
        return unread ? "redirect:/inbox?unread=true" : "redirect:/inbox";
    }

    /** Opens what the notification points to, marking it read on the way. */
    @PostMapping("/inbox/{id}/open")
    String open(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        NotificationView notification = inbox.markRead(id, user.id());
        String link = Notifications.safeLink(notification.link());
        return "redirect:" + (link == null ? "/inbox" : link);
    }

    @PostMapping("/inbox/read-all")
    String readAll(@AuthenticationPrincipal CurrentUser user) {
        inbox.markAllRead(user.id());
        return "redirect:/inbox";
    }
}
