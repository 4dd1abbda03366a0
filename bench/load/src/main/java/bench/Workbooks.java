package bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The 攻坚清单 workbook the import reads (columns as in TaskWorkbook.COLUMNS), with generated top-level tasks. */
final class Workbooks {

    static final List<String> COLUMNS = List.of("序号", "上级序号", "任务名称", "领域", "牵头单位", "配合单位", "包保领导",
            "权重", "开始日期", "完成时限", "指标名称", "计量单位", "基期值", "目标值", "指标方向", "时间节点", "任务描述");

    private Workbooks() {
    }

    static byte[] tasks(int rows, String run, List<String> unitCodes) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("攻坚清单");
            Row head = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                head.createCell(c).setCellValue(COLUMNS.get(c));
            }
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(String.valueOf(i));
                row.createCell(2).setCellValue("导入任务" + run + "-" + i);
                row.createCell(3).setCellValue(Bench.CATEGORIES.get(i % Bench.CATEGORIES.size()));
                row.createCell(4).setCellValue(unitCodes.get(i % unitCodes.size()));
                row.createCell(7).setCellValue("1");
                row.createCell(8).setCellValue("2026-01-01");
                row.createCell(9).setCellValue("2026-12-31");
                row.createCell(10).setCellValue("完成量");
                row.createCell(11).setCellValue("个");
                row.createCell(12).setCellValue("0");
                row.createCell(13).setCellValue("100");
                row.createCell(14).setCellValue("越大越好");
                row.createCell(15).setCellValue("2026-06-30 完成方案；2026-12-15 完成验收");
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
