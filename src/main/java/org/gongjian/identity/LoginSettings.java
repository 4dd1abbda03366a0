package org.gongjian.identity;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gongjian.identity.login.*}: the login throttle, the password lifecycle and the second factor.
 *
 * @param window          how far back failed logins count for an address and for a name from all addresses
 * @param pairWindow      how far back they count for one name from one address (the progressive wait)
 * @param freeAttempts    failures per login name and address before the progressive wait starts
 * @param firstWait       the first wait, doubled with every further failure, up to {@code maxWait}
 * @param addressLimit    failures from one address (any names) in the window before that address must wait
 * @param accountSlowDownAfter failures on one login name (any addresses) after which each attempt on it is slowed
 * @param accountSlowDown the delay added to each attempt then; never a refusal, so nobody can keep a user out
 * @param passwordHistory how many earlier passwords may not be chosen again
 * @param passwordMaxAge  a password older than this must be changed at the next login; none by default
 * @param dormantAfter    an account not used for this long is listed as dormant
 * @param totpIssuer      the name authenticator apps show beside the code
 */
@ConfigurationProperties("gongjian.identity.login")
public record LoginSettings(@DefaultValue("15m") Duration window,
                            @DefaultValue("1d") Duration pairWindow,
                            @DefaultValue("5") int freeAttempts,
                            @DefaultValue("30s") Duration firstWait,
                            @DefaultValue("15m") Duration maxWait,
                            @DefaultValue("30") int addressLimit,
                            @DefaultValue("10") int accountSlowDownAfter,
                            @DefaultValue("1s") Duration accountSlowDown,
                            @DefaultValue("5") int passwordHistory,
                            @Nullable Duration passwordMaxAge,
                            @DefaultValue("90d") Duration dormantAfter,
                            @DefaultValue("攻坚") String totpIssuer) {
}
