package org.gongjian.identity;

import org.jspecify.annotations.Nullable;

/** How to reach a user outside the app: the email address, when one is on file. */
public record UserContact(long id, String username, @Nullable String email) {
}
