package org.gongjian.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Where the per-user session limit (等保: 限制同一用户的并发会话数, {@code gongjian.session.max-per-user}) counts.
 * With UI sessions in the database (Spring Session JDBC, the shipped set-up) the registry reads a user's sessions
 * from there, so the limit holds across nodes and a login on node B can end the oldest session made on node A.
 * Without it (the test profile keeps sessions in the servlet container) it counts this node's sessions.
 */
@Configuration(proxyBeanMethods = false)
class SessionLimits {

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        return repository == null ? new ByUsername() : new SpringSessionBackedSessionRegistry(repository);
    }

    /**
     * The in-memory registry counts per principal object; ours are per login (and a half-finished login's is the bare
     * name), so it counts by user name, as the database-backed registry does.
     */
    static final class ByUsername extends SessionRegistryImpl {

        @Override
        public void registerNewSession(String sessionId, Object principal) {
            super.registerNewSession(sessionId, name(principal));
        }

        @Override
        public java.util.List<org.springframework.security.core.session.SessionInformation> getAllSessions(
                Object principal, boolean includeExpiredSessions) {
            return super.getAllSessions(name(principal), includeExpiredSessions);
        }

        private static String name(Object principal) {
            if (principal instanceof org.springframework.security.core.userdetails.UserDetails user) {
                return user.getUsername();
            }
            return principal instanceof java.security.Principal named ? named.getName() : String.valueOf(principal);
        }
    }

    /** Tells the in-memory registry when a container session ends; Spring Session's sessions never fire these. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
