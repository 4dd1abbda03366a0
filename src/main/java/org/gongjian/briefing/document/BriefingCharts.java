package org.gongjian.briefing.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.RingPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.springframework.stereotype.Component;

/**
 * The briefing's charts as PNG, drawn server-side with JFreeChart in Noto Sans SC from the jar (no browser, no
 * system font): the campaign's lights as a ring, and the townships' (or, without townships, the units') lights as
 * stacked bars. Drawn at twice the size they print at, so they stay sharp in Word and the PDF.
 */
@Component
class BriefingCharts {

    static final Color GREEN = new Color(0x2E, 0x9E, 0x5B);
    static final Color YELLOW = new Color(0xE8, 0xB0, 0x1E);
    static final Color RED = new Color(0xC8, 0x10, 0x2E);
    static final Color DONE = new Color(0x3A, 0x6E, 0xA5);
    private static final Color GREY = new Color(0x99, 0x99, 0x99);
    private static final int MAX_BARS = 15;

    private final Font font;

    BriefingCharts() {
        try (InputStream in = BriefingCharts.class.getResourceAsStream("/fonts/NotoSansSC-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("font /fonts/NotoSansSC-Regular.ttf missing from the jar");
            }
            font = Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Top-level tasks by light. */
    byte[] lights(BriefingData d) {
        BriefingData.Figures f = d.figures();
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        add(data, "绿灯", f.green());
        add(data, "黄灯", f.yellow());
        add(data, "红灯", f.red());
        add(data, "已完成", f.done());
        add(data, "未评估", f.unevaluated());
        RingPlot plot = new RingPlot(data);
        plot.setSectionDepth(0.42);
        plot.setSectionPaint("绿灯", GREEN);
        plot.setSectionPaint("黄灯", YELLOW);
        plot.setSectionPaint("红灯", RED);
        plot.setSectionPaint("已完成", DONE);
        plot.setSectionPaint("未评估", GREY);
        plot.setSeparatorsVisible(false);
        plot.setShadowPaint(null);
        plot.setOutlineVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setCenterTextMode(org.jfree.chart.plot.CenterTextMode.FIXED);
        plot.setCenterText(f.tasks() + "项");
        plot.setCenterTextFont(font.deriveFont(Font.BOLD, 40f));
        plot.setLabelFont(font.deriveFont(24f));
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0} {1}项（{2}）"));
        plot.setLabelBackgroundPaint(Color.WHITE);
        plot.setLabelOutlinePaint(null);
        plot.setLabelShadowPaint(null);
        JFreeChart chart = new JFreeChart(null, font.deriveFont(30f), plot, true);
        return png(styled(chart, "全部攻坚任务亮灯情况"), 1000, 640);
    }

    /**
     * The bar chart's title and units: the units directly under the issuing one with their subtrees when section 二
     * sums them, else the townships (else every lead unit); at most 15, most red first.
     */
    record Bars(String title, List<BriefingData.UnitLights> units) {}

    static Bars barUnits(BriefingData d) {
        if (BriefingTables.summedByBranch(d)) {
            List<BriefingData.UnitLights> branches = d.branches().stream().filter(u -> !u.own()).toList();
            if (!branches.isEmpty()) {
                return new Bars("各下辖单位任务亮灯情况（含所辖单位）", branches.stream()
                        .sorted((a, b) -> Long.compare(b.red(), a.red())).limit(MAX_BARS).toList());
            }
        }
        List<BriefingData.UnitLights> units = d.units().stream().filter(u -> "TOWNSHIP".equals(u.kind())).toList();
        String title = "各乡镇（街道）任务亮灯情况";
        if (units.isEmpty()) {
            units = d.units();
            title = "各牵头单位任务亮灯情况";
        }
        return new Bars(title, units.stream().sorted((a, b) -> Long.compare(b.red(), a.red())).limit(MAX_BARS).toList());
    }

    /** One bar per unit, by the name the tables print (a category per name would stack same-named units' tasks). */
    static DefaultCategoryDataset dataset(List<BriefingData.UnitLights> units) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BriefingData.UnitLights u : units) {
            data.addValue(u.red(), "红灯", u.shown());
            data.addValue(u.yellow(), "黄灯", u.shown());
            data.addValue(u.green(), "绿灯", u.shown());
            data.addValue(u.done(), "已完成", u.shown());
        }
        return data;
    }

    /** Tasks per light of the townships (else of every lead unit), at most 15 bars, most red first. */
    byte[] units(BriefingData d) {
        Bars bars = barUnits(d);
        DefaultCategoryDataset data = dataset(bars.units());
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(font.deriveFont(22f));
        categories.setMaximumCategoryLabelWidthRatio(0.4f);
        NumberAxis values = new NumberAxis("任务数（项）");
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        values.setTickLabelFont(font.deriveFont(20f));
        values.setLabelFont(font.deriveFont(22f));
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.08);
        Color[] colours = {RED, YELLOW, GREEN, DONE};
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, font.deriveFont(30f), plot, true);
        int height = Math.max(420, 140 + bars.units().size() * 52);
        return png(styled(chart, bars.title()), 1000, height);
    }

    private JFreeChart styled(JFreeChart chart, String title) {
        chart.setTitle(new TextTitle(title, font.deriveFont(Font.BOLD, 30f)));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(font.deriveFont(22f));
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    private static void add(DefaultPieDataset<String> data, String key, int value) {
        if (value > 0) {
            data.setValue(key, value);
        }
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
