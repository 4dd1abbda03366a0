package org.gongjian.deployment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Checks a work-log photo against the log: capture time (EXIF, read by the evidence store) on the log's day, and the
 * photo's GPS within {@link #MAX_KM} of the site when the site has coordinates. A failing check flags the photo; it
 * never refuses it (a cadre may upload in the evening from the township office).
 */
public final class PhotoCheck {

    public static final double MAX_KM = 3.0;

    public enum Flag {
        OTHER_DAY("拍摄日期与日志日期不符", true),
        NO_TIME("照片无拍摄时间", true),
        FAR("拍摄地点距驻点超过3公里", true),
        NO_GPS("照片无定位信息", false),
        SITE_UNLOCATED("驻点未登记坐标，只核对拍摄日期", false);

        private final String label;
        private final boolean warning;

        Flag(String label, boolean warning) {
            this.label = label;
            this.warning = warning;
        }

        public String label() {
            return label;
        }

        public boolean warning() {
            return warning;
        }
    }

    private PhotoCheck() {
    }

    public static List<Flag> check(LocalDate logDate, @Nullable Instant capturedAt, @Nullable BigDecimal latitude,
                                   @Nullable BigDecimal longitude, @Nullable BigDecimal siteLatitude,
                                   @Nullable BigDecimal siteLongitude, ZoneId zone) {
        List<Flag> flags = new ArrayList<>();
        if (capturedAt == null) {
            flags.add(Flag.NO_TIME);
        } else if (!capturedAt.atZone(zone).toLocalDate().equals(logDate)) {
            flags.add(Flag.OTHER_DAY);
        }
        if (siteLatitude == null || siteLongitude == null) {
            flags.add(Flag.SITE_UNLOCATED);
        } else if (latitude == null || longitude == null) {
            flags.add(Flag.NO_GPS);
        } else if (kilometres(latitude.doubleValue(), longitude.doubleValue(), siteLatitude.doubleValue(),
                siteLongitude.doubleValue()) > MAX_KM) {
            flags.add(Flag.FAR);
        }
        return flags;
    }

    /** Great-circle distance (haversine) in kilometres. */
    static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
