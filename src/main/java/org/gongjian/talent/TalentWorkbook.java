package org.gongjian.talent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.XlsxSheets;
import org.gongjian.shared.XlsxStyles;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry as xlsx: an all-or-nothing import that names every bad row and column, and an export that is masked
 * unless the talent office asks for personal data with a reason (audited as {@code talent.export}).
 */
@Service
@Transactional
public class TalentWorkbook {

    static final String SHEET = "人才库";
    static final List<String> COLUMNS = List.of("姓名", "产业领域", "人才层次", "最高学历", "职称", "工作单位", "引进时间",
            "来源", "联系电话", "身份证号", "住址");
    static final int MAX_ROWS = 5000;
    static final int EXPORT_MAX = 20_000;

    private final TalentService talents;

    TalentWorkbook(TalentService talents) {
        this.talents = talents;
    }

    public record ImportResult(int imported) {}

    /** Imports every row into {@code unitId}, or nothing when any row is bad (422 with each row's problems). */
    public ImportResult importWorkbook(InputStream in, long unitId, CurrentUser user, DataScope scope) {
        if (!TalentService.mayWrite(user)) {
            throw new Forbidden("只有人才办可以导入人才");
        }
        talents.unitInScope(unitId, scope);
        List<XlsxSheets.SheetRow> rows = XlsxSheets.readRows(in, SHEET, COLUMNS, MAX_ROWS, "人才库模板");
        List<TalentCommand> commands = new ArrayList<>();
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        for (XlsxSheets.SheetRow row : rows) {
            TalentCommand command = command(row, unitId, problems);
            problems.addAll(talents.problems(command, row.number()).stream()
                    .map(p -> new InvalidInput.FieldProblem(column(p.field()), p.row(), p.message())).toList());
            commands.add(command);
        }
        if (!problems.isEmpty()) {
            // One problem per row and column: a cell that could not be read is not also reported as missing.
            java.util.Set<String> seen = new java.util.HashSet<>();
            problems.removeIf(p -> !seen.add(p.row() + "|" + p.field()));
            throw new InvalidInput("有 " + problems.stream().map(InvalidInput.FieldProblem::row).distinct().count()
                    + " 行数据有误，未导入任何人才，请修改后重新上传", problems);
        }
        for (TalentCommand command : commands) {
            talents.create(command, user, scope);
        }
        return new ImportResult(commands.size());
    }

    /** An empty workbook with the header: what the import expects. */
    public void template(OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            header(workbook, new XlsxStyles(workbook));
            workbook.write(out);
        }
    }

    /**
     * Writes the talents of the filter; phone, ID number and address masked unless {@code personalReason} is given,
     * which needs the talent office role and is audited.
     */
    void export(TalentStore.Filter filter, @Nullable String personalReason, CurrentUser user, DataScope scope,
                OutputStream out) throws IOException {
        boolean unmasked = personalReason != null && !personalReason.isBlank();
        if (unmasked) {
            String why = TalentService.requirePersonalDataAccess(user, personalReason);
            talents.audit(new AuditableChange("talent.export", "talent", null, null,
                    Map.of("reason", why, "personalData", true, "filter", filter.toString())));
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            XlsxStyles styles = new XlsxStyles(workbook);
            Sheet sheet = header(workbook, styles);
            int[] next = {1};
            talents.each(filter, scope, EXPORT_MAX, unmasked, t -> {
                Row row = sheet.createRow(next[0]++);
                String[] values = {t.name(), t.field(), t.tier(), t.degreeLabel(), nz(t.title()), t.employer(),
                        t.introducedOn().toString(), t.sourceLabel(), nz(t.phone()), nz(t.idNumber()), nz(t.address())};
                for (int i = 0; i < values.length; i++) {
                    var cell = row.createCell(i);
                    cell.setCellValue(values[i]);
                    cell.setCellStyle(styles.text(values[i]));
                }
            });
            workbook.write(out);
        }
    }

    private static Sheet header(SXSSFWorkbook workbook, XlsxStyles styles) {
        Sheet sheet = workbook.createSheet(SHEET);
        Row header = sheet.createRow(0);
        for (int i = 0; i < COLUMNS.size(); i++) {
            var cell = header.createCell(i);
            cell.setCellValue(COLUMNS.get(i));
            cell.setCellStyle(styles.header());
            sheet.setColumnWidth(i, 16 * 256);
            sheet.setDefaultColumnStyle(i, styles.text());
        }
        return sheet;
    }

    private static TalentCommand command(XlsxSheets.SheetRow row, long unitId, List<InvalidInput.FieldProblem> problems) {
        Degree degree = null;
        if (!row.cell(3).isEmpty()) {
            degree = Degree.fromLabel(row.cell(3)).orElse(null);
            if (degree == null) {
                problems.add(new InvalidInput.FieldProblem("最高学历", row.number(), "最高学历应为博士、硕士、本科、大专或其他"));
            }
        }
        TalentSource source = null;
        if (!row.cell(7).isEmpty()) {
            source = TalentSource.fromLabel(row.cell(7)).orElse(null);
            if (source == null) {
                problems.add(new InvalidInput.FieldProblem("来源", row.number(), "来源应为引进或本土"));
            }
        }
        LocalDate introduced = null;
        if (!row.cell(6).isEmpty()) {
            try {
                introduced = LocalDate.parse(row.cell(6));
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInput.FieldProblem("引进时间", row.number(), "引进时间应为日期，如 2026-03-01"));
            }
        }
        return new TalentCommand(unitId, row.cell(0), row.cell(1), row.cell(2), degree, row.cell(4), row.cell(5),
                introduced, source, row.cell(8), row.cell(9), row.cell(10));
    }

    /** The sheet's column for a command field, so row problems name what the user sees. */
    private static String column(String field) {
        return switch (field) {
            case "name" -> "姓名";
            case "field" -> "产业领域";
            case "tier" -> "人才层次";
            case "degree" -> "最高学历";
            case "title" -> "职称";
            case "employer" -> "工作单位";
            case "introducedOn" -> "引进时间";
            case "source" -> "来源";
            case "phone" -> "联系电话";
            case "idNumber" -> "身份证号";
            case "address" -> "住址";
            default -> field;
        };
    }

    private static String nz(@Nullable String text) {
        return text == null ? "" : text;
    }
}
