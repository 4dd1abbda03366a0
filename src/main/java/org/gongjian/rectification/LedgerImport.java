package org.gongjian.rectification;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.campaign.CampaignService;
import org.gongjian.identity.CurrentUser;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.XlsxSheets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an existing ledger in the export's layout: every row is one problem of the given source, its measure lines
 * become measures (owner: the row's 责任人, deadline: the row's 整改时限 — one date for all, or one per line). Every row
 * is checked first and any problem refuses the whole file with every problem listed by row and column; then all rows
 * are written in one transaction. 整改进展 and 完成情况 go into the problem's history as they were in the file:
 * progress only counts with evidence, reported afterwards.
 */
@Service
public class LedgerImport {

    static final int MAX_ROWS = 2000;

    private final ProblemService problems;
    private final CampaignService campaigns;
    private final OrgService org;
    private final Clock clock;

    LedgerImport(ProblemService problems, CampaignService campaigns, OrgService org, Clock clock) {
        this.problems = problems;
        this.campaigns = campaigns;
        this.org = org;
        this.clock = clock;
    }

    /** @return how many problems were created */
    @Transactional
    public int importLedger(long campaignId, @Nullable ProblemSource source, InputStream file, CurrentUser user,
                            DataScope scope) {
        campaigns.campaign(campaignId, scope);
        ProblemSource s = source == null ? ProblemSource.SELF : source;
        List<XlsxSheets.SheetRow> rows = XlsxSheets.readRows(file, LedgerWorkbook.SHEET, LedgerWorkbook.COLUMNS,
                MAX_ROWS, "整改台账模板（导出的台账）");
        List<FieldProblem> errors = new ArrayList<>();
        List<ProblemCommand> commands = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Optional<UnitView>> units = new HashMap<>();
        for (XlsxSheets.SheetRow row : rows) {
            int n = row.number();
            int before = errors.size();
            String description = row.cell(1);
            List<String> measures = LedgerWorkbook.measureLines(row.cell(2));
            String unitName = row.cell(3);
            String owner = row.cell(4);
            List<String> deadlines = row.cell(5).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            require(description, "问题描述", 2000, n, errors);
            if (measures.isEmpty()) {
                errors.add(new FieldProblem("整改措施", n, "第" + n + "行：请填写整改措施"));
            }
            measures.stream().filter(m -> m.length() > 1000).findFirst().ifPresent(m ->
                    errors.add(new FieldProblem("整改措施", n, "第" + n + "行：每条整改措施不超过1000字")));
            require(owner, "责任人", 100, n, errors);
            UnitView unit = null;
            if (unitName.isEmpty()) {
                errors.add(new FieldProblem("责任单位", n, "第" + n + "行：请填写责任单位"));
            } else {
                unit = units.computeIfAbsent(unitName, name -> org.units(null, null, name, scope, new PageQuery(0, 20))
                        .items().stream().filter(u -> u.name().equals(name)).findFirst()).orElse(null);
                if (unit == null) {
                    errors.add(new FieldProblem("责任单位", n, "第" + n + "行：责任单位“" + unitName + "”不存在或不在您的管辖范围内"));
                }
            }
            List<LocalDate> dates = new ArrayList<>();
            for (String d : deadlines) {
                try {
                    dates.add(LedgerWorkbook.parseDate(d));
                } catch (DateTimeParseException e) {
                    errors.add(new FieldProblem("整改时限", n, "第" + n + "行：整改时限“" + d + "”不是日期（如 2026-06-30）"));
                }
            }
            if (deadlines.isEmpty()) {
                errors.add(new FieldProblem("整改时限", n, "第" + n + "行：请填写整改时限"));
            } else if (dates.size() == deadlines.size() && dates.size() != 1 && dates.size() != measures.size()) {
                errors.add(new FieldProblem("整改时限", n, "第" + n + "行：整改时限应为一个日期，或每条措施一个日期（共"
                        + measures.size() + "条措施）"));
            }
            if (errors.size() > before || unit == null) {
                continue;
            }
            LocalDate earliest = dates.stream().min(LocalDate::compareTo).orElseThrow();
            List<MeasureCommand> ms = new ArrayList<>();
            for (int i = 0; i < measures.size(); i++) {
                ms.add(new MeasureCommand(measures.get(i), unit.id(), owner, dates.size() == 1 ? dates.get(0) : dates.get(i),
                        "按台账完成整改"));
            }
            LocalDate today = LocalDate.now(clock);
            LocalDate found = earliest.isBefore(today) ? earliest : today; // found no later than its first deadline
            commands.add(new ProblemCommand(campaignId, unit.id(), s, "台账导入", description, Severity.MINOR,
                    found, null, null, ms));
            notes.add(note(row.cell(6), row.cell(7)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("台账有" + errors.size() + "处错误，未导入任何问题", errors);
        }
        for (int i = 0; i < commands.size(); i++) {
            ProblemView created;
            try {
                created = problems.create(commands.get(i), user, scope);
            } catch (InvalidInput e) {
                int row = rows.get(i).number();
                throw new InvalidInput("第" + row + "行：" + e.getMessage() + "；未导入任何问题",
                        List.of(new FieldProblem(e.problems().isEmpty() ? "file" : e.problems().get(0).field(), row,
                                "第" + row + "行：" + e.getMessage())));
            }
            if (notes.get(i) != null) {
                problems.note(created.id(), "导入时的台账记载", notes.get(i), user);
            }
        }
        return commands.size();
    }

    private static @Nullable String note(String progress, String completion) {
        String text = (progress.isEmpty() ? "" : "整改进展：" + progress) + (completion.isEmpty() ? ""
                : (progress.isEmpty() ? "" : "；") + "完成情况：" + completion);
        return text.isEmpty() ? null : text.length() > 1000 ? text.substring(0, 999) + "…" : text;
    }

    private static void require(String value, String column, int max, int row, List<FieldProblem> errors) {
        if (value.isEmpty()) {
            errors.add(new FieldProblem(column, row, "第" + row + "行：请填写" + column));
        } else if (value.length() > max) {
            errors.add(new FieldProblem(column, row, "第" + row + "行：" + column + "不超过" + max + "字"));
        }
    }
}
