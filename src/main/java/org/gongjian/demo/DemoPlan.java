package org.gongjian.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.gongjian.identity.Role;
import org.gongjian.org.UnitKind;
import org.jspecify.annotations.Nullable;

/** What the generator decided to create, before anything is stored: units in parent-first order, people, users. */
public record DemoPlan(List<Unit> units, List<Person> people, List<User> users) {

    public record Unit(String code, String name, UnitKind kind, @Nullable String parentCode) {}

    public record Person(String key, String name, String gender, String unitCode, String position, boolean deputy,
                         LocalDate since) {}

    public record User(String username, Set<Role> roles, @Nullable String scopeUnitCode, @Nullable String personKey,
                       String description) {}
}
