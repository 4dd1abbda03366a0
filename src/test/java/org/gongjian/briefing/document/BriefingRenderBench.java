package org.gongjian.briefing.document;

import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test: the rendering alone (no database) of the briefing's .docx and .pdf for a city-sized
 * {@link BriefingSamples#city} (default {@code -Dbench.units=1330} lead units, all late with their reports) as a
 * ratio to the small sample briefing rendered in the same run, best of {@code RUNS} after a warm-up. Printed, not
 * asserted. {@code ./mvnw test -Dtest=BriefingRenderBench -Dbench=true [-Dbench.units=1330]}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class BriefingRenderBench {

    static final int RUNS = 5;

    final BriefingCharts charts = new BriefingCharts();
    final BriefingDocx docx = new BriefingDocx(charts);
    final BriefingPdf pdf = new BriefingPdf(charts);

    @Test
    void rendersACitysBriefing() {
        int units = Integer.getInteger("bench.units", 1330);
        BriefingData small = BriefingSamples.november(true);
        BriefingData city = BriefingSamples.city(units);
        for (int i = 0; i < 3; i++) { // warm-up: the JIT compiles POI, XMLBeans and OpenPDF here
            docx.render(city, false);
            pdf.render(city, false);
        }
        double smallDocx = best(() -> docx.render(small, false));
        double smallPdf = best(() -> pdf.render(small, false));
        double cityDocx = best(() -> docx.render(city, false));
        double cityPdf = best(() -> pdf.render(city, false));
        System.out.println(String.format(Locale.ROOT, "%n=== BriefingRenderBench (%d units vs the 4-unit sample, best of %d;"
                        + " load %.2f) ===%n.docx  city/sample %.1fx   (%.0f / %.0f ms, %d bytes)%n.pdf   city/sample %.1fx"
                        + "   (%.0f / %.0f ms, %d bytes)%ncity .docx / .pdf %.2fx", units, RUNS,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                cityDocx / smallDocx, cityDocx, smallDocx, docx.render(city, false).length, cityPdf / smallPdf, cityPdf,
                smallPdf, pdf.render(city, false).length, cityDocx / cityPdf));
    }

    private static double best(Supplier<byte[]> work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }
}
