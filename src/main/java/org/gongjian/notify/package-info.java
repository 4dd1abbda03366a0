/** 通知: the in-app inbox with unread counts, email over SMTP, DingTalk and WeCom group-robot webhooks, retried deliveries. */
@ApplicationModule(allowedDependencies = { "shared", "web", "org", "identity", "campaign", "pledge", "report", "supervision", "talent", "deployment" })
@NullMarked
package org.gongjian.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
