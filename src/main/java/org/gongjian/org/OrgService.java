package org.gongjian.org;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gongjian.org.UnitStore.UnitFilter;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation module's API: units and cadres, always read and written within a data scope. */
@Service
@Transactional
public class OrgService {

    private final UnitStore units;
    private final PersonStore people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrgService(UnitStore units, PersonStore people, ApplicationEventPublisher events, Clock clock) {
        this.units = units;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public UnitView unit(long id, DataScope scope) {
        return units.find(id, scope).orElseThrow(() -> new NotFound("unit", id));
    }

    /** The data scope a user anchored at this unit gets; empty when the unit is gone. */
    @Transactional(readOnly = true)
    public Optional<DataScope> scopeOf(long unitId) {
        return units.findUnscoped(unitId).map(u -> DataScope.of(u.id(), u.path()));
    }

    @Transactional(readOnly = true)
    public Optional<UnitView> unitByCode(String code) {
        return units.findByCode(code);
    }

    /** The kind of each given unit, whatever the scope (a unit's kind is no secret), in one query per 10,000 units. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, UnitKind> kindsOf(java.util.Collection<Long> unitIds) {
        return unitIds.isEmpty() ? java.util.Map.of() : units.kinds(unitIds);
    }

    /**
     * The names of each given unit's ancestors, its parent first, whatever the scope (as a kind, a parent's name is
     * no secret): a list tells same-named units apart by them. Two queries per 10,000 units.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, List<String>> ancestorNames(java.util.Collection<Long> unitIds) {
        return unitIds.isEmpty() ? java.util.Map.of() : units.ancestorNames(unitIds);
    }

    @Transactional(readOnly = true)
    public Optional<String> unitName(long id) {
        return units.findUnscoped(id).map(UnitView::name);
    }

    /** The top of what the scope sees: the tree's roots for a system-wide scope, else the scope's own unit. */
    @Transactional(readOnly = true)
    public List<UnitView> topUnits(DataScope scope) {
        if (scope.isEverything()) {
            return units.roots();
        }
        return units.find(Objects.requireNonNull(scope.unitId()), scope).map(List::of).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public List<UnitView> children(long parentId, DataScope scope) {
        unit(parentId, scope);
        return units.children(parentId, scope);
    }

    @Transactional(readOnly = true)
    public List<UnitView> ancestors(UnitView unit, DataScope scope) {
        return units.ancestors(unit, scope);
    }

    @Transactional(readOnly = true)
    public PageResult<UnitView> units(@Nullable Long parentId, @Nullable UnitKind kind, @Nullable String q,
                                      DataScope scope, PageQuery page) {
        if (parentId != null) {
            unit(parentId, scope);
        }
        return units.search(new UnitFilter(parentId, kind, q), scope, page);
    }

    public UnitView createUnit(UnitCommand command, DataScope scope) {
        UnitView parent = command.parentId() == null ? null : unit(command.parentId(), scope);
        checkPlacement(command.kind(), parent, scope);
        checkCodeFree(command.code(), null);
        long id = units.insert(command.name().trim(), command.kind(), parent, command.code(), clock.instant());
        UnitView created = units.findUnscoped(id).orElseThrow();
        events.publishEvent(AuditableChange.created("unit", id, created));
        return created;
    }

    public UnitView updateUnit(long id, UnitCommand command, DataScope scope) {
        UnitView before = unit(id, scope);
        checkCodeFree(command.code(), id);
        if (before.kind() != command.kind() && before.hasChildren()) {
            throw InvalidInput.of("kind", "该单位有下级单位，不能更改类型");
        }
        boolean moving = !Objects.equals(before.parentId(), command.parentId());
        UnitView parent = moving ? moveTarget(before, command, scope)
                : before.parentId() == null ? null : units.findUnscoped(before.parentId()).orElseThrow();
        checkPlacement(command.kind(), parent, moving ? scope : null);
        if (moving) {
            units.move(before, Objects.requireNonNull(parent));
        }
        units.update(id, command.name().trim(), command.kind(), command.code());
        UnitView after = units.findUnscoped(id).orElseThrow();
        if (moving) {
            events.publishEvent(new UnitMoved(id, before.path(), after.path()));
        }
        events.publishEvent(AuditableChange.updated("unit", id, before, after));
        return after;
    }

    private UnitView moveTarget(UnitView unit, UnitCommand command, DataScope scope) {
        if (command.parentId() == null) {
            throw InvalidInput.of("parentId", "已有上级的单位不能改为根单位");
        }
        if (Objects.equals(scope.unitId(), unit.id())) {
            throw InvalidInput.of("parentId", "不能移动您数据范围的根单位");
        }
        UnitView newParent = unit(command.parentId(), scope);
        if (newParent.path().startsWith(unit.path())) {
            throw InvalidInput.of("parentId", "不能把单位移到它自己或它的下级单位之下");
        }
        return newParent;
    }

    private void checkPlacement(UnitKind kind, @Nullable UnitView parent, @Nullable DataScope scope) {
        if (parent == null) {
            if (scope != null && !scope.isEverything()) {
                throw InvalidInput.of("parentId", "请选择上级单位");
            }
            if (!kind.mayBeRoot()) {
                throw InvalidInput.of("parentId", kind.label() + "必须有上级单位");
            }
        } else if (!kind.mayHangUnder(parent.kind())) {
            throw InvalidInput.of("kind", kind.label() + "不能设在" + parent.kind().label() + "之下");
        }
    }

    private void checkCodeFree(String code, @Nullable Long exceptId) {
        units.findByCode(code).filter(u -> exceptId == null || u.id() != exceptId).ifPresent(u -> {
            throw new Conflict("duplicate-code", "单位编码 " + code + " 已被“" + u.name() + "”使用");
        });
    }

    @Transactional(readOnly = true)
    public PersonView person(long id, DataScope scope) {
        return people.find(id, scope).orElseThrow(() -> new NotFound("person", id));
    }

    @Transactional(readOnly = true)
    public Optional<PersonView> personUnscoped(long id) {
        return people.findUnscoped(id);
    }

    @Transactional(readOnly = true)
    public PageResult<PersonView> people(@Nullable Long unitId, boolean includeSubunits, @Nullable String q,
                                         DataScope scope, PageQuery page) {
        if (unitId != null) {
            unit(unitId, scope);
        }
        return people.search(unitId, includeSubunits, q, scope, page);
    }

    public PersonView createPerson(PersonCommand command, DataScope scope) {
        UnitView unit = unit(command.unitId(), scope);
        long id = people.insert(command.name().trim(), command.gender(), unit.id(), command.position().trim(),
                command.isDeputy(), command.since(), clock.instant());
        PersonView created = people.findUnscoped(id).orElseThrow();
        events.publishEvent(AuditableChange.created("person", id, created));
        return created;
    }

    /** A position held (交流轮岗 reads tenure from these; the current one has no end date). */
    public record Position(long unitId, String unitName, String title, boolean deputy, java.time.@Nullable LocalDate startedOn,
                           java.time.@Nullable LocalDate endedOn) {}

    @Transactional(readOnly = true)
    public List<Position> positions(long personId) {
        return people.positions(personId);
    }

    /**
     * 交流轮岗: the person leaves the current post the day before {@code on} and takes the new one from {@code on}
     * (audited). Joins the caller's transaction, so a rotation changes posts together with the handover.
     */
    public PersonView movePerson(long personId, long unitId, String title, boolean deputy, java.time.LocalDate on) {
        PersonView before = personUnscoped(personId).orElseThrow(() -> new NotFound("person", personId));
        units.findUnscoped(unitId).orElseThrow(() -> new NotFound("unit", unitId));
        people.move(personId, unitId, title, deputy, on);
        PersonView after = personUnscoped(personId).orElseThrow();
        events.publishEvent(new AuditableChange("person.move", "person", String.valueOf(personId), before, after));
        return after;
    }
}
