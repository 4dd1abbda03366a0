package org.gongjian.integrity;

import org.flywaydb.core.api.callback.Callback;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A migration (owner) user for Flyway apart from the runtime user the application connects as:
 * {@code GONGJIAN_DB_MIGRATION_USER} / {@code GONGJIAN_DB_MIGRATION_PASSWORD}. When set, Flyway migrates as the
 * owner and then grants the runtime user ({@code GONGJIAN_DB_USER}) its rights ({@link RuntimeGrants}). Unset, one
 * user does both, as before (H2, the demo).
 */
@Configuration(proxyBeanMethods = false)
class LeastPrivilegeDatabase {

    @Bean
    FlywayConfigurationCustomizer migrationUser(@Value("${spring.datasource.url:}") String url,
                                                @Value("${gongjian.db.migration-user:}") String user,
                                                @Value("${gongjian.db.migration-password:}") String password) {
        return configuration -> {
            if (!user.isBlank()) {
                configuration.dataSource(url, user, password);
            }
        };
    }

    @Bean
    Callback runtimeGrants(@Value("${spring.datasource.username:}") String runtimeUser,
                           @Value("${gongjian.db.migration-user:}") String migrationUser) {
        return migrationUser.isBlank() || runtimeUser.isBlank() || runtimeUser.equals(migrationUser)
                ? new NoGrants() : new RuntimeGrants(runtimeUser);
    }

    /** One user migrates and runs: nothing to grant. */
    static final class NoGrants implements Callback {
        @Override
        public boolean supports(org.flywaydb.core.api.callback.Event event, org.flywaydb.core.api.callback.Context context) {
            return false;
        }

        @Override
        public boolean canHandleInTransaction(org.flywaydb.core.api.callback.Event event, org.flywaydb.core.api.callback.Context context) {
            return true;
        }

        @Override
        public void handle(org.flywaydb.core.api.callback.Event event, org.flywaydb.core.api.callback.Context context) {
        }

        @Override
        public String getCallbackName() {
            return "no-grants";
        }
    }
}
