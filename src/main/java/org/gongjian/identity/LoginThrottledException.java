package org.gongjian.identity;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from this address or for this name from it: try again after {@link #retryAfter()}. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("登录失败次数过多，请 " + describe(retryAfter) + "后再试");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, as the Retry-After header wants them. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static String describe(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return seconds < 60 ? seconds + " 秒" : ((seconds + 59) / 60) + " 分钟";
    }
}
