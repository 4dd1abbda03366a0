package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every API request resolves its bearer token: one statement (token, user, scope and roles joined), no cache, so a
 * revoked token or a disabled user is refused on the very next request. Before: a read-only transaction with three
 * statements (token, user, roles).
 */
class TokenLookupStatementsTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired TokenService tokens;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;
    @Autowired org.gongjian.org.OrgService org;

    @Test
    void aTokenResolvesInOneStatementWithTheUsersRolesAndScope() throws Exception {
        OrgFixtures.County c = fixtures.county();
        String token = Logins.token(mvc, c.liaisonAUser()).substring(7);
        CurrentUser expected = users.asCurrentUser(c.liaisonAUser()).orElseThrow();

        StatementCounter.Counted<Optional<TokenService.Resolved>> resolved =
                StatementCounter.count(() -> tokens.resolve(token));

        assertThat(resolved.count()).as("statements: %s", resolved.statements()).isEqualTo(1);
        CurrentUser user = resolved.result().orElseThrow().user();
        assertThat(user.id()).isEqualTo(expected.id());
        assertThat(user.roles()).isEqualTo(expected.roles()).isNotEmpty();
        assertThat(user.scopeUnitId()).isEqualTo(expected.scopeUnitId());
        assertThat(user.personId()).isEqualTo(expected.personId());
        // the scope unit's path comes with it, so the request's data scope needs no statement of its own
        assertThat(resolved.result().orElseThrow().unitScope()).isEqualTo(org.scopeOf(c.townshipA().id()).orElseThrow());
    }

    @Test
    void aDisabledUserOrARevokedTokenIsRefusedOnTheNextLookup() throws Exception {
        OrgFixtures.County c = fixtures.county();
        String first = Logins.token(mvc, c.liaisonAUser()).substring(7);
        String second = Logins.token(mvc, c.liaisonAUser()).substring(7);
        CurrentUser liaison = users.asCurrentUser(c.liaisonAUser()).orElseThrow();
        assertThat(tokens.resolve(first)).isPresent();

        assertThat(tokens.revoke(first, liaison)).isTrue();
        assertThat(tokens.resolve(first)).isEmpty();
        assertThat(tokens.resolve(second)).isPresent();

        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = :id").param("id", liaison.id()).update();
        assertThat(tokens.resolve(second)).isEmpty();
        jdbc.sql("UPDATE app_user SET enabled = TRUE WHERE id = :id").param("id", liaison.id()).update();
        assertThat(tokens.resolve(second)).isPresent();
        assertThat(tokens.resolve("x".repeat(101))).isEmpty();
    }
}
