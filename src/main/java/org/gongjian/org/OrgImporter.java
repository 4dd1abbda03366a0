package org.gongjian.org;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gongjian.shared.XlsxSheets.SheetRow;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports units and cadres from the org workbook, all or nothing: every row is checked first and every problem
 * reported with its row and column; only a clean file writes anything.
 */
@Service
public class OrgImporter {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final UnitStore units;
    private final PersonStore people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrgImporter(UnitStore units, PersonStore people, ApplicationEventPublisher events, Clock clock) {
        this.units = units;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    public record ImportResult(int units, int people) {}

    /** A unit row that passed its checks; its parent is either already stored or an earlier row of the file. */
    private record PlannedUnit(SheetRow row, String code, String name, UnitKind kind, @Nullable UnitView storedParent,
                               @Nullable String fileParentCode) {}

    private record PlannedPerson(String name, @Nullable String gender, String unitCode, String title, boolean deputy,
                                 java.time.@Nullable LocalDate since) {}

    @Transactional
    public ImportResult importWorkbook(InputStream in, String fileName, DataScope scope) {
        OrgWorkbook.Contents contents = OrgWorkbook.read(in);
        if (contents.units().isEmpty() && contents.people().isEmpty()) {
            throw InvalidInput.of("file", "文件中没有数据行");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, PlannedUnit> plannedUnits = planUnits(contents.units(), scope, problems);
        List<PlannedPerson> plannedPeople = planPeople(contents.people(), plannedUnits, scope, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput("导入文件有 " + problems.size() + " 处错误，未导入任何数据", problems);
        }
        Map<String, UnitView> created = new HashMap<>();
        for (PlannedUnit unit : plannedUnits.values()) {
            UnitView parent = unit.storedParent() != null ? unit.storedParent() : created.get(unit.fileParentCode());
            long id = units.insert(unit.name(), unit.kind(), parent, unit.code(), clock.instant());
            UnitView view = units.findUnscoped(id).orElseThrow();
            created.put(unit.code(), view);
            events.publishEvent(new AuditableChange("unit.import", "unit", String.valueOf(id), null, view));
        }
        for (PlannedPerson person : plannedPeople) {
            UnitView unit = created.containsKey(person.unitCode()) ? created.get(person.unitCode())
                    : units.findByCode(person.unitCode()).orElseThrow();
            long id = people.insert(person.name(), person.gender(), unit.id(), person.title(), person.deputy(),
                    person.since(), clock.instant());
            events.publishEvent(new AuditableChange("person.import", "person", String.valueOf(id), null,
                    people.findUnscoped(id).orElseThrow()));
        }
        ImportResult result = new ImportResult(plannedUnits.size(), plannedPeople.size());
        events.publishEvent(new AuditableChange("org.import", "file", fileName, null, result));
        return result;
    }

    private Map<String, PlannedUnit> planUnits(List<SheetRow> rows, DataScope scope, List<FieldProblem> problems) {
        Map<String, PlannedUnit> planned = new LinkedHashMap<>();
        for (SheetRow row : rows) {
            int before = problems.size();
            String code = row.cell(0);
            String name = row.cell(1);
            String kindText = row.cell(2);
            String parentCode = row.cell(3);
            if (!CODE.matcher(code).matches()) {
                problems.add(unitProblem(row, "编码", code.isEmpty() ? "编码不能为空" : "编码“" + code + "”只能由字母、数字、下划线和短横线组成，最长32位"));
            } else if (planned.containsKey(code)) {
                problems.add(unitProblem(row, "编码", "编码“" + code + "”在文件中重复（第" + planned.get(code).row().number() + "行已有）"));
            } else if (units.findByCode(code).isPresent()) {
                problems.add(unitProblem(row, "编码", "编码“" + code + "”已存在于系统中"));
            }
            if (name.isEmpty() || name.length() > 100) {
                problems.add(unitProblem(row, "名称", name.isEmpty() ? "名称不能为空" : "名称不超过100字"));
            }
            Optional<UnitKind> kind = UnitKind.parse(kindText);
            if (kind.isEmpty()) {
                problems.add(unitProblem(row, "类型", kindText.isEmpty() ? "类型不能为空" : "无法识别的类型“" + kindText + "”"));
            }
            UnitKind parentKind = null;
            UnitView storedParent = null;
            if (parentCode.isEmpty()) {
                if (!scope.isEverything()) {
                    problems.add(unitProblem(row, "上级编码", "上级编码不能为空"));
                } else if (kind.isPresent() && !kind.get().mayBeRoot()) {
                    problems.add(unitProblem(row, "上级编码", kind.get().label() + "必须有上级单位"));
                }
            } else if (planned.containsKey(parentCode)) {
                parentKind = planned.get(parentCode).kind();
            } else {
                storedParent = units.findByCode(parentCode).filter(u -> scope.covers(u.path())).orElse(null);
                if (storedParent == null) {
                    problems.add(unitProblem(row, "上级编码", "上级编码“" + parentCode + "”不存在或不在您的数据范围内（上级单位须已在系统中或在本表前面的行）"));
                } else {
                    parentKind = storedParent.kind();
                }
            }
            if (kind.isPresent() && parentKind != null && !kind.get().mayHangUnder(parentKind)) {
                problems.add(unitProblem(row, "类型", kind.get().label() + "不能设在" + parentKind.label() + "之下"));
            }
            if (problems.size() == before) {
                planned.put(code, new PlannedUnit(row, code, name, kind.orElseThrow(), storedParent,
                        storedParent == null && !parentCode.isEmpty() ? parentCode : null));
            } else if (CODE.matcher(code).matches() && !planned.containsKey(code)) {
                // Keep the code known so later rows pointing at it report their own problems, not a missing parent.
                kind.ifPresent(k -> planned.put(code, new PlannedUnit(row, code, name, k, null, null)));
            }
        }
        return planned;
    }

    private List<PlannedPerson> planPeople(List<SheetRow> rows, Map<String, PlannedUnit> plannedUnits, DataScope scope,
                                           List<FieldProblem> problems) {
        List<PlannedPerson> planned = new ArrayList<>();
        for (SheetRow row : rows) {
            int before = problems.size();
            String name = row.cell(0);
            String gender = row.cell(1);
            String unitCode = row.cell(2);
            String title = row.cell(3);
            String deputy = row.cell(4);
            String since = row.cell(5);
            if (name.isEmpty() || name.length() > 50) {
                problems.add(personProblem(row, "姓名", name.isEmpty() ? "姓名不能为空" : "姓名不超过50字"));
            }
            if (!gender.isEmpty() && !gender.equals("男") && !gender.equals("女")) {
                problems.add(personProblem(row, "性别", "性别只能填“男”或“女”"));
            }
            if (unitCode.isEmpty()) {
                problems.add(personProblem(row, "单位编码", "单位编码不能为空"));
            } else if (!plannedUnits.containsKey(unitCode)
                    && units.findByCode(unitCode).filter(u -> scope.covers(u.path())).isEmpty()) {
                problems.add(personProblem(row, "单位编码", "单位编码“" + unitCode + "”不存在或不在您的数据范围内"));
            }
            if (title.isEmpty() || title.length() > 50) {
                problems.add(personProblem(row, "职务", title.isEmpty() ? "职务不能为空" : "职务不超过50字"));
            }
            if (!deputy.isEmpty() && !deputy.equals("是") && !deputy.equals("否")) {
                problems.add(personProblem(row, "是否副职", "请填“是”或“否”"));
            }
            java.time.LocalDate sinceDate = since.isEmpty() ? null : OrgWorkbook.parseDate(since);
            if (!since.isEmpty() && sinceDate == null) {
                problems.add(personProblem(row, "任职时间", "日期“" + since + "”格式不对，请写成 2024-03-01"));
            } else if (sinceDate != null && sinceDate.isAfter(java.time.LocalDate.now(clock))) {
                problems.add(personProblem(row, "任职时间", "任职时间不能晚于今天"));
            }
            if (problems.size() == before) {
                planned.add(new PlannedPerson(name, gender.isEmpty() ? null : gender, unitCode, title,
                        deputy.equals("是"), sinceDate));
            }
        }
        return planned;
    }

    private static FieldProblem unitProblem(SheetRow row, String column, String message) {
        return new FieldProblem(OrgWorkbook.UNIT_SHEET + "!" + column, row.number(), message);
    }

    private static FieldProblem personProblem(SheetRow row, String column, String message) {
        return new FieldProblem(OrgWorkbook.PERSON_SHEET + "!" + column, row.number(), message);
    }
}
