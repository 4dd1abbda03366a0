package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

class AdminBootstrapTests {

    private final UserService users = mock(UserService.class);
    private final UserStore store = mock(UserStore.class);
    private final PasswordEncoder encoder = mock(PasswordEncoder.class);

    @ParameterizedTest
    @ValueSource(strings = {"admin", "changeme", "Admin@123", "Gongjian@2026", "12345678901", "Admin-root-2026"})
    void weakOrDefaultPasswordRefusesToStartOutsideTheDemo(String password) {
        assertThatIllegalStateException().isThrownBy(() -> bootstrap("false", "root", password))
                .withMessageContaining("GONGJIAN_ADMIN_PASSWORD");
    }

    @Test
    void productionOnPostgresIsNotTheDemoEvenWhenTheFlagIsBlank() {
        MockEnvironment env = env("", "root", "admin").withProperty("spring.datasource.url",
                "jdbc:postgresql://db/gongjian");
        assertThatIllegalStateException().isThrownBy(() -> new AdminBootstrap(users, store, encoder, env));
    }

    @Test
    void weakPasswordIsAcceptedInTheDemo() {
        assertThatCode(() -> bootstrap("true", "root", "admin")).doesNotThrowAnyException();
    }

    @Test
    void strongPasswordStartsAndCreatesTheFirstAdmin() {
        when(encoder.encode("Kx9#mP2$vL7q")).thenReturn("{bcrypt}hash");
        AdminBootstrap bootstrap = bootstrap("false", "root", "Kx9#mP2$vL7q");

        bootstrap.run(new DefaultApplicationArguments());

        verify(users).createPrehashed(eq("root"), eq("{bcrypt}hash"), isNull(), isNull(), eq(EnumSet.of(Role.ADMIN)));
    }

    @Test
    void existingAdminIsLeftAlone() {
        when(users.exists("root")).thenReturn(true);
        bootstrap("false", "root", "Kx9#mP2$vL7q").run(new DefaultApplicationArguments());
        verify(users, never()).createPrehashed(any(), any(), any(), any(), any());
    }

    @Test
    void noUsersAndNoAdminConfiguredRefusesToStartOutsideTheDemo() {
        when(store.anyUser()).thenReturn(false);
        AdminBootstrap bootstrap = bootstrap("false", "", "");
        assertThatIllegalStateException().isThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
                .withMessageContaining("GONGJIAN_ADMIN_USERNAME");
    }

    @Test
    void noAdminConfiguredIsFineWhenUsersExistOrInTheDemo() {
        when(store.anyUser()).thenReturn(true);
        assertThatCode(() -> bootstrap("false", "", "").run(new DefaultApplicationArguments()))
                .doesNotThrowAnyException();
        when(store.anyUser()).thenReturn(false);
        assertThatCode(() -> bootstrap("true", "", "").run(new DefaultApplicationArguments()))
                .doesNotThrowAnyException();
    }

    private AdminBootstrap bootstrap(String demo, String username, String password) {
        return new AdminBootstrap(users, store, encoder, env(demo, username, password));
    }

    private static MockEnvironment env(String demo, String username, String password) {
        return new MockEnvironment().withProperty("gongjian.demo.enabled", demo)
                .withProperty("gongjian.admin.username", username).withProperty("gongjian.admin.password", password);
    }
}
