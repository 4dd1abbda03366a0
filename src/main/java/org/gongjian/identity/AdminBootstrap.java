package org.gongjian.identity;

import java.util.EnumSet;

import org.gongjian.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from {@code GONGJIAN_ADMIN_USERNAME} / {@code GONGJIAN_ADMIN_PASSWORD} when absent.
 * Outside the demo it refuses to start with a weak or default password, or with no way to log in at all.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final UserStore store;
    private final PasswordEncoder encoder;
    private final String username;
    private final String password;
    private final boolean demo;

    AdminBootstrap(UserService users, UserStore store, PasswordEncoder encoder, Environment env) {
        this.users = users;
        this.store = store;
        this.encoder = encoder;
        this.username = env.getProperty("gongjian.admin.username", "").trim();
        this.password = env.getProperty("gongjian.admin.password", "");
        this.demo = DemoMode.isOn(env);
        if (!demo && !password.isEmpty()) {
            PasswordPolicy.weakness(password, username).ifPresent(reason -> {
                throw new IllegalStateException("拒绝启动：GONGJIAN_ADMIN_PASSWORD 不够安全（" + reason + "）。"
                        + "Refusing to start: the configured admin password is weak or default.");
            });
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isEmpty() || password.isEmpty()) {
            if (!demo && !store.anyUser()) {
                throw new IllegalStateException("拒绝启动：数据库中没有任何用户，请设置 GONGJIAN_ADMIN_USERNAME 和 "
                        + "GONGJIAN_ADMIN_PASSWORD 以创建首个管理员。Refusing to start: no users and no admin configured.");
            }
            return;
        }
        if (!users.exists(username)) {
            users.createPrehashed(username, encoder.encode(password), null, null, EnumSet.of(Role.ADMIN));
            log.info("Created the first administrator '{}' from configuration", username);
        }
    }
}
