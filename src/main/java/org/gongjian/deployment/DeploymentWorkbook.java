package org.gongjian.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gongjian.identity.CurrentUser;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.XlsxSheets;
import org.gongjian.shared.XlsxStyles;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * xlsx for 三下沉: a batch's deployments imported all-or-nothing with per-row errors (sheet 下沉安排), the deployments
 * in scope exported, and a month's presence exported (sheet 在岗天数). Text that looks like a formula stays inert.
 */
@Service
@Transactional
public class DeploymentWorkbook {

    public static final String IMPORT_SHEET = "下沉安排";
    public static final List<String> IMPORT_COLUMNS = List.of("干部编号", "派出单位编码", "下沉单位编码", "开始日期",
            "结束日期", "下沉任务", "责任领导编号", "服务任务编号", "纬度", "经度");
    static final int MAX_ROWS = 2000;
    private static final int EXPORT_MAX = 5000;

    private final DeploymentService deployments;
    private final PresenceService presence;
    private final OrgService org;
    private final ApplicationEventPublisher events;

    DeploymentWorkbook(DeploymentService deployments, PresenceService presence, OrgService org,
                       ApplicationEventPublisher events) {
        this.deployments = deployments;
        this.presence = presence;
        this.org = org;
        this.events = events;
    }

    /** Imports a batch's deployments: every row checked first (also against each other); any problem, nothing saved. */
    public List<DeploymentView> importInto(long batchId, InputStream xlsx, CurrentUser user, DataScope scope) {
        DeploymentService.requireOrgDept(user);
        BatchView batch = deployments.batch(batchId, scope);
        List<XlsxSheets.SheetRow> rows = XlsxSheets.readRows(xlsx, IMPORT_SHEET, IMPORT_COLUMNS, MAX_ROWS, "模板");
        List<FieldProblem> problems = new ArrayList<>();
        List<DeploymentCommand> commands = new ArrayList<>();
        Map<Long, List<LocalDate[]>> periods = new HashMap<>();
        for (XlsxSheets.SheetRow row : rows) {
            List<FieldProblem> rowProblems = new ArrayList<>();
            DeploymentCommand c = parse(row, rowProblems);
            if (rowProblems.isEmpty()) {
                rowProblems.addAll(deployments.check(batch, c, scope));
            }
            if (rowProblems.isEmpty() && c.personId() != null) {
                LocalDate start = c.startDate() != null ? c.startDate() : batch.startDate();
                LocalDate end = c.endDate() != null ? c.endDate() : batch.endDate();
                for (LocalDate[] p : periods.getOrDefault(c.personId(), List.of())) {
                    if (!start.isAfter(p[1]) && !end.isBefore(p[0])) {
                        rowProblems.add(new FieldProblem(IMPORT_COLUMNS.get(0), null, "与表中另一行的同一干部下沉期间重叠"));
                    }
                }
                periods.computeIfAbsent(c.personId(), k -> new ArrayList<>()).add(new LocalDate[] {start, end});
            }
            rowProblems.forEach(p -> problems.add(new FieldProblem(p.field(), row.number(), p.message())));
            commands.add(c);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("导入未完成：" + problems.size() + "处错误，未保存任何数据", problems);
        }
        List<DeploymentView> created = commands.stream().map(c -> deployments.insert(batch, c, scope)).toList();
        events.publishEvent(new AuditableChange("deployment.import", "deployment_batch", String.valueOf(batchId), null,
                Map.of("rows", created.size())));
        return created;
    }

    private DeploymentCommand parse(XlsxSheets.SheetRow row, List<FieldProblem> problems) {
        Long person = id(row.cell(0), IMPORT_COLUMNS.get(0), problems);
        Long source = unit(row.cell(1), IMPORT_COLUMNS.get(1), problems);
        Long target = unit(row.cell(2), IMPORT_COLUMNS.get(2), problems);
        LocalDate start = date(row.cell(3), IMPORT_COLUMNS.get(3), problems);
        LocalDate end = date(row.cell(4), IMPORT_COLUMNS.get(4), problems);
        Long leader = id(row.cell(6), IMPORT_COLUMNS.get(6), problems);
        List<Long> tasks = new ArrayList<>();
        for (String part : row.cell(7).split("[,，、\\s]+")) {
            if (!part.isBlank()) {
                Long id = id(part, IMPORT_COLUMNS.get(7), problems);
                if (id != null) {
                    tasks.add(id);
                }
            }
        }
        BigDecimal lat = number(row.cell(8), IMPORT_COLUMNS.get(8), problems);
        BigDecimal lon = number(row.cell(9), IMPORT_COLUMNS.get(9), problems);
        return new DeploymentCommand(person, source, target, start, end, row.cell(5), leader, tasks, lat, lon);
    }

    private @Nullable Long unit(String code, String column, List<FieldProblem> problems) {
        if (code.isBlank()) {
            return null;
        }
        return org.unitByCode(code.strip()).map(UnitView::id).orElseGet(() -> {
            problems.add(new FieldProblem(column, null, "单位编码“" + code + "”不存在"));
            return null;
        });
    }

    private static @Nullable Long id(String text, String column, List<FieldProblem> problems) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(column, null, "“" + text + "”不是编号"));
            return null;
        }
    }

    private static @Nullable LocalDate date(String text, String column, List<FieldProblem> problems) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(column, null, "日期“" + text + "”格式应为 2026-03-01"));
            return null;
        }
    }

    private static @Nullable BigDecimal number(String text, String column, List<FieldProblem> problems) {
        if (text.isBlank()) {
            return null;
        }
        return XlsxSheets.parseNumber(text).orElseGet(() -> {
            problems.add(new FieldProblem(column, null, "“" + text + "”不是数字"));
            return null;
        });
    }

    /** The empty import template (header row only). */
    public void template(OutputStream out) throws IOException {
        write(IMPORT_SHEET, IMPORT_COLUMNS, List.of(), out);
    }

    public void exportDeployments(@Nullable Long batchId, DataScope scope, OutputStream out) throws IOException {
        List<List<String>> rows = deployments.deployments(batchId, null, null, null, null, scope,
                new PageQuery(0, PageQuery.MAX_SIZE)).items().stream().map(DeploymentWorkbook::row).toList();
        List<List<String>> all = new ArrayList<>(rows);
        for (int page = 1; all.size() < EXPORT_MAX && rows.size() == PageQuery.MAX_SIZE; page++) {
            rows = deployments.deployments(batchId, null, null, null, null, scope, new PageQuery(page, PageQuery.MAX_SIZE))
                    .items().stream().map(DeploymentWorkbook::row).toList();
            all.addAll(rows);
        }
        write("下沉安排", List.of("编号", "批次", "类型", "干部", "派出单位", "下沉单位", "开始日期", "结束日期", "下沉任务",
                "责任领导", "服务任务"), all, out);
    }

    private static List<String> row(DeploymentView d) {
        return List.of(String.valueOf(d.id()), d.batchName(), d.kindLabel(), nz(d.personName()), d.sourceUnitName(),
                d.targetUnitName(), d.startDate().toString(), d.endDate().toString(), d.purpose(), nz(d.leaderName()),
                String.join("；", d.tasks().stream().map(DeploymentView.TaskRef::title).toList()));
    }

    public void exportPresence(YearMonth month, @Nullable Long batchId, DataScope scope, OutputStream out) throws IOException {
        List<List<String>> rows = presence.month(month, batchId, scope).stream().map(r -> List.of(
                nz(r.deployment().personName()), r.deployment().sourceUnitName(), r.deployment().targetUnitName(),
                nz(r.deployment().leaderName()), String.valueOf(r.month().rule()), String.valueOf(r.month().required()),
                String.valueOf(r.month().days()), String.valueOf(r.month().missing()), r.month().isShort() ? "不足" : "达标",
                r.month().explanation())).toList();
        write("在岗天数", List.of("干部", "派出单位", "下沉单位", "责任领导", "规定天数", "应在岗", "已在岗", "差额", "结论",
                "计算说明"), rows, out);
    }

    private static void write(String sheetName, List<String> columns, List<List<String>> rows, OutputStream out)
            throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        workbook.setCompressTempFiles(true);
        try {
            XlsxStyles styles = new XlsxStyles(workbook);
            Sheet sheet = workbook.createSheet(sheetName);
            Row head = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(columns.get(i));
                cell.setCellStyle(styles.header());
                sheet.setColumnWidth(i, 16 * 256);
            }
            int n = 1;
            for (List<String> values : rows) {
                Row row = sheet.createRow(n++);
                for (int i = 0; i < values.size(); i++) {
                    Cell cell = row.createCell(i);
                    cell.setCellValue(values.get(i));
                    cell.setCellStyle(styles.text(values.get(i)));
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
