package org.gongjian.report.evidence;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * What a photo tells: when it was taken (EXIF DateTimeOriginal, read in the campaign zone (gongjian.clock.zone) unless the camera recorded an
 * offset), where (EXIF GPS), and a small JPEG thumbnail (longest side {@value #THUMBNAIL_SIDE} px, turned upright by
 * the EXIF orientation). Broken image data is refused with a message, never a 500.
 */
public final class EvidencePhoto {

    static final int THUMBNAIL_SIDE = 320;
    /** Beyond this a so-called photo is a decompression bomb (a few bytes declaring a gigantic canvas), not a photo. */
    static final long MAX_PIXELS = 120_000_000L;
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    public record Facts(@Nullable Instant capturedAt, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude,
                 byte[] thumbnail) {}

    private EvidencePhoto() {
    }

    public static Facts read(Path file, ZoneId zone) {
        Metadata metadata = metadata(file);
        int orientation = orientation(metadata);
        BufferedImage thumbnail = thumbnail(file);
        byte[] jpeg;
        try {
            jpeg = jpeg(upright(thumbnail, orientation));
        } catch (IOException e) {
            throw broken();
        }
        Instant captured = capturedAt(metadata, zone);
        BigDecimal latitude = null;
        BigDecimal longitude = null;
        GpsDirectory gps = metadata == null ? null : metadata.getFirstDirectoryOfType(GpsDirectory.class);
        GeoLocation location = gps == null ? null : gps.getGeoLocation();
        if (location != null && !location.isZero() && Math.abs(location.getLatitude()) <= 90
                && Math.abs(location.getLongitude()) <= 180) {
            latitude = BigDecimal.valueOf(location.getLatitude()).setScale(7, RoundingMode.HALF_UP);
            longitude = BigDecimal.valueOf(location.getLongitude()).setScale(7, RoundingMode.HALF_UP);
        }
        return new Facts(captured, latitude, longitude, jpeg);
    }

    private static @Nullable Metadata metadata(Path file) {
        try {
            return ImageMetadataReader.readMetadata(file.toFile());
        } catch (Exception e) {
            // Missing or unreadable metadata is no reason to refuse a photo; the pixels are checked below.
            return null;
        }
    }

    static @Nullable Instant capturedAt(@Nullable Metadata metadata, ZoneId zone) {
        ExifSubIFDDirectory exif = metadata == null ? null : metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (exif == null) {
            return null;
        }
        String taken = exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
        if (taken == null || taken.isBlank()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(taken.trim(), EXIF_TIME);
            String offset = exif.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL);
            if (offset != null && offset.trim().matches("[+-]\\d{2}:\\d{2}")) {
                return OffsetDateTime.of(local, ZoneOffset.of(offset.trim())).toInstant();
            }
            return local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null; // "0000:00:00 00:00:00" and other camera oddities
        }
    }

    private static int orientation(@Nullable Metadata metadata) {
        ExifIFD0Directory ifd0 = metadata == null ? null : metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        Integer value = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
        return value == null || value < 1 || value > 8 ? 1 : value;
    }

    /** Decodes only every n-th pixel, so a 6000×4000 photo never needs its full raster in memory. */
    private static BufferedImage thumbnail(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw broken();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    throw EvidenceType.refused("图片尺寸异常（" + width + "×" + height + "），无法作为佐证照片");
                }
                int step = Math.max(1, Math.max(width, height) / (THUMBNAIL_SIDE * 2));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw broken();
                }
                return scale(image);
            } finally {
                reader.dispose();
            }
        } catch (InvalidInput e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw broken();
        }
    }

    private static BufferedImage scale(BufferedImage image) {
        double factor = Math.min(1.0, (double) THUMBNAIL_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE); // transparent PNG areas become white, as on paper
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Applies EXIF orientation 2–8 (mirror and/or quarter turns) so the thumbnail stands as the photographer held the phone. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation == 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { return image; }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.82f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static InvalidInput broken() {
        return EvidenceType.refused("图片已损坏或不完整，无法读取，请重新拍摄或导出后上传");
    }
}
