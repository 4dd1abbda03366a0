package org.gongjian.identity;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.gongjian.identity.UserStore.UserRow;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonView;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.gongjian.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's API: users and their scopes. A user's scope can never exceed its creator's. */
@Service
@Transactional
public class UserService {

    private final UserStore users;
    private final LoginAuthenticationProvider authentication;
    private final LoginThrottle throttle;
    private final LoginSettings settings;
    private final OrgService org;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    UserService(UserStore users, LoginAuthenticationProvider authentication, OrgService org, PasswordEncoder encoder,
                ApplicationEventPublisher events, Clock clock,
                org.springframework.transaction.support.TransactionTemplate transactions, LoginThrottle throttle,
                LoginSettings settings) {
        this.throttle = throttle;
        this.settings = settings;
        this.transactions = transactions;
        this.users = users;
        this.authentication = authentication;
        this.org = org;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<UserView> users(@Nullable String q, DataScope scope, PageQuery page) {
        return users.search(scope.path(), scope.isEverything(), q, page).map(this::view);
    }

    @Transactional(readOnly = true)
    public UserView user(long id, DataScope scope) {
        return users.findById(id).filter(u -> visible(u, scope)).map(this::view)
                .orElseThrow(() -> new NotFound("user", id));
    }

    /**
     * 开通账号 by an administrator: the system administrator opens accounts with the campaign's roles; an
     * administrator role is given by the security administrator (三员分立), ADMIN only at the first start.
     */
    public UserView create(UserCommand command, CurrentUser by, DataScope scope) {
        if (!by.has(Role.ADMIN) && command.roles().stream().anyMatch(Role::isAdministrator)) {
            throw InvalidInput.of("roles", "系统管理员不能授予管理员角色（三员分立），请开通后由安全管理员设置");
        }
        return create(command, scope);
    }

    public UserView create(UserCommand command, DataScope scope) {
        AdminRoles.check(command.roles(), "roles");
        org.unit(command.scopeUnitId(), scope);
        if (command.personId() != null) {
            PersonView person = org.person(command.personId(), scope);
            if (!org.scopeOf(command.scopeUnitId()).orElseThrow().covers(
                    org.scopeOf(person.unitId()).orElseThrow().path())) {
                throw InvalidInput.of("personId", "该干部不在所选数据范围内");
            }
        }
        String personName = command.personId() == null ? null
                : org.personUnscoped(command.personId()).map(PersonView::name).orElse(null);
        PasswordPolicy.weakness(command.password(), command.username(), personName).ifPresent(reason -> {
            throw InvalidInput.of("password", reason);
        });
        if (users.findByUsername(command.username()).isPresent()) {
            throw new Conflict("duplicate-username", "用户名 " + command.username() + " 已存在");
        }
        long id = users.insert(command.username(), encoder.encode(command.password()), command.personId(),
                command.scopeUnitId(), command.roles(), clock.instant());
        // An initial password is handed over by an administrator: the user replaces it at the first login.
        users.requirePasswordChange(id);
        if (command.email() != null && !command.email().isBlank()) {
            users.setEmail(id, command.email().trim());
        }
        UserView created = view(users.findById(id).orElseThrow());
        events.publishEvent(AuditableChange.created("user", id, created));
        return created;
    }

    /**
     * Creates a user with an already-hashed password, for the first admin and the demo generator (which hash once
     * for many users). Not exposed over HTTP.
     */
    public long createPrehashed(String username, String passwordHash, @Nullable Long personId, @Nullable Long scopeUnitId,
                                Set<Role> roles) {
        long id = users.insert(username, passwordHash, personId, scopeUnitId, roles, clock.instant());
        events.publishEvent(new AuditableChange("user.create", "user", String.valueOf(id), null,
                Map.of("username", username, "roles", roles, "scopeUnitId", String.valueOf(scopeUnitId))));
        return id;
    }

    /**
     * 三员分立: the security administrator sets a user's roles (never their own); an administrator role is the
     * user's only role, and ADMIN is given by ADMIN only. The user's API tokens end; a session ends at its next request.
     */
    public UserView setRoles(long id, java.util.Set<Role> roles, CurrentUser by, DataScope scope) {
        UserView before = user(id, scope);
        if (before.id() == by.id()) {
            throw InvalidInput.of("roles", "不能修改自己的角色");
        }
        AdminRoles.check(roles, "roles");
        if ((roles.contains(Role.ADMIN) || before.roles().contains(Role.ADMIN)) && !by.has(Role.ADMIN)) {
            throw InvalidInput.of("roles", "超级管理员仅用于初始化和演示，安全管理员不能授予或收回");
        }
        users.setRoles(id, roles);
        UserView after = user(id, scope);
        events.publishEvent(new AuditableChange("user.roles", "user", String.valueOf(id),
                Map.of("roles", before.roles()), Map.of("roles", after.roles())));
        return after;
    }

    /** 停用 / 启用 an account; an administrator cannot switch off their own. */
    public UserView setEnabled(long id, boolean enabled, CurrentUser admin, DataScope scope) {
        UserView before = user(id, scope);
        AdminRoles.guardAccount(before, admin, !enabled);
        if (before.id() == admin.id() && !enabled) {
            throw InvalidInput.of("enabled", "不能停用自己的账号");
        }
        users.setEnabled(id, enabled);
        UserView after = user(id, scope);
        events.publishEvent(new AuditableChange(enabled ? "user.enable" : "user.disable", "user", String.valueOf(id), before, after));
        return after;
    }

    /** Lifts the login waits on the account before they run out (the user called the office). */
    public UserView unlock(long id, DataScope scope) {
        UserView before = user(id, scope);
        throttle.clear(before.username());
        UserView after = user(id, scope);
        events.publishEvent(new AuditableChange("user.unlock", "user", String.valueOf(id), before, after));
        return after;
    }

    /** As below, by an administrator who may act on this account (三员分立). */
    public UserView resetPassword(long id, String password, CurrentUser by, DataScope scope) {
        AdminRoles.guardAccount(user(id, scope), by);
        return resetPassword(id, password, scope);
    }

    /**
     * Sets a new password (forgotten, or handed over on rotation); old API tokens stop working, and the user must
     * replace it at the next login.
     */
    public UserView resetPassword(long id, String password, DataScope scope) {
        UserView user = user(id, scope);
        PasswordPolicy.weakness(password == null ? "" : password, user.username(), personName(user.personId()))
                .ifPresent(reason -> {
                    throw InvalidInput.of("password", reason);
                });
        users.setPassword(id, encoder.encode(password), true, clock.instant());
        events.publishEvent(new AuditableChange("user.password-reset", "user", String.valueOf(id), null,
                java.util.Map.of("username", user.username())));
        return user(id, scope);
    }

    /**
     * The user changes their own password: the old one is checked as at login (wrong ones count towards the lockout),
     * the new one must meet the policy and differ from the old. Their API tokens end with the old password; the
     * session they are in goes on. The old-password check runs outside any transaction (as for
     * {@link #confirmPassword}) so a wrong guess is counted even though the change is refused.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void changeOwnPassword(CurrentUser user, @Nullable String oldPassword, @Nullable String newPassword) {
        if (newPassword == null || newPassword.isEmpty()) {
            throw InvalidInput.of("newPassword", "请输入新密码");
        }
        PasswordPolicy.weakness(newPassword, user.getUsername(), personName(user.personId())).ifPresent(reason -> {
            throw InvalidInput.of("newPassword", reason);
        });
        if (newPassword.equals(oldPassword)) {
            throw InvalidInput.of("newPassword", "新密码不能与原密码相同");
        }
        confirmPassword(user, oldPassword == null ? "" : oldPassword, "oldPassword");
        if (usedRecently(user.id(), newPassword)) {
            throw InvalidInput.of("newPassword", "新密码不能与最近 " + settings.passwordHistory() + " 次使用过的密码相同");
        }
        String hash = encoder.encode(newPassword);
        transactions.executeWithoutResult(status -> {
            users.setPassword(user.id(), hash, false, clock.instant());
            events.publishEvent(new AuditableChange("user.password-change", "user", String.valueOf(user.id()), null,
                    java.util.Map.of("username", user.getUsername())));
        });
    }

    /**
     * Re-entry of the signed-in user's password before a weighty act (signing a pledge). Goes through the same
     * check as login, so wrong passwords count towards the lockout — outside the caller's transaction, so the
     * failure count and its audit line survive the refusal that rolls the caller back.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void confirmPassword(CurrentUser user, String password) {
        confirmPassword(user, password, "password");
    }

    private void confirmPassword(CurrentUser user, String password, String field) {
        try {
            authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.getUsername(), password == null ? "" : password));
        } catch (LoginThrottledException e) {
            throw new DomainException("login-throttled", e.getMessage());
        } catch (AuthenticationException e) {
            throw InvalidInput.of(field, "密码不正确，请输入您的登录密码");
        }
    }

    /** The user as a signed-in principal, for work done on someone's behalf by the system (the demo's signatures). */
    @Transactional(readOnly = true)
    public java.util.Optional<CurrentUser> asCurrentUser(String username) {
        return users.findByUsername(username).map(UserStore.UserRow::toCurrentUser);
    }

    /**
     * The real name behind a login name, as pages show who did something (people know 张三, not "lianluo"); a user
     * with no person keeps the login name. Pages call it through {@link DisplayNames}, once per name per request.
     */
    @Transactional(readOnly = true)
    public String displayName(String username) {
        return users.findByUsername(username).map(UserStore.UserRow::personId)
                .flatMap(org::personUnscoped).map(p -> p.name()).orElse(username);
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    /** Enabled users among the ids with their email addresses (for notifications); unknown or disabled ids are left out. */
    @Transactional(readOnly = true)
    public java.util.List<UserContact> contacts(java.util.Collection<Long> userIds) {
        return users.contacts(userIds);
    }

    /**
     * The enabled users holding any of the roles whose scope unit is the unit, or whose cadre currently holds a
     * position in it, with their contacts (for notifications to a unit): one statement.
     */
    @Transactional(readOnly = true)
    public java.util.List<UserContact> contactsInUnit(long unitId, Set<Role> roles) {
        return users.contactsInUnit(unitId, roles);
    }

    /** Ids of the enabled users who are the cadre (for notifications to a lead leader). */
    @Transactional(readOnly = true)
    public java.util.List<Long> userIdsOfPerson(long personId) {
        return users.idsOfPerson(personId);
    }

    /**
     * Enabled accounts in scope not used for {@code gongjian.identity.login.dormant-after} (or never used since
     * created that long ago), the longest unused first: candidates for disabling (等保: 及时删除或停用多余的、过期的账户).
     */
    @Transactional(readOnly = true)
    public java.util.List<DormantAccount> dormant(DataScope scope) {
        java.time.Instant cutoff = clock.instant().minus(settings.dormantAfter());
        return users.dormant(scope.path(), scope.isEverything(), cutoff, 500).stream()
                .map(row -> new DormantAccount(view(row), row.lastLoginAt())).toList();
    }

    public java.time.Duration dormantAfter() {
        return settings.dormantAfter();
    }

    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    public record DormantAccount(UserView user, java.time.@Nullable Instant lastLoginAt) {}

    /** The new password against the current one and the history (the last {@code password-history} in all). */
    private boolean usedRecently(long userId, String password) {
        int keep = settings.passwordHistory();
        if (keep <= 0) {
            return false;
        }
        java.util.List<String> hashes = new java.util.ArrayList<>();
        users.findById(userId).ifPresent(row -> hashes.add(row.passwordHash()));
        hashes.addAll(users.passwordHistory(userId, Math.max(0, keep - 1)));
        return hashes.stream().anyMatch(hash -> encoder.matches(password, hash));
    }

    private @Nullable String personName(@Nullable Long personId) {
        return personId == null ? null : org.personUnscoped(personId).map(PersonView::name).orElse(null);
    }

    private boolean visible(UserRow user, DataScope scope) {
        if (user.scopePath() == null) {
            return scope.isEverything();
        }
        return scope.covers(user.scopePath());
    }

    private UserView view(UserRow row) {
        // "locked" now means held back by the login throttle (waits, never a lock an attacker could keep on).
        boolean held = throttle.recentFailures(row.username()) >= settings.freeAttempts();
        return new UserView(row.id(), row.username(), row.personId(), row.roles(), row.scopeUnitId(), row.enabled(),
                held, row.email());
    }
}
