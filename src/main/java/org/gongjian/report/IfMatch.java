package org.gongjian.report;

import org.gongjian.shared.InvalidInput;

/** A report's version as an HTTP entity tag: {@code ETag: "3"} out, {@code If-Match: "3"} (or W/"3", 3) in. */
final class IfMatch {

    private IfMatch() {
    }

    static String etag(ReportView report) {
        return "\"" + report.version() + "\"";
    }

    static int version(String ifMatch) {
        try {
            return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("If-Match", "If-Match 须为报告的版本号");
        }
    }
}
