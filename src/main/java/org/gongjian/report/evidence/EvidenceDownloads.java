package org.gongjian.report.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.gongjian.report.EvidenceService.StoredFile;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Sends stored evidence: the detected content type (never the client's), {@code nosniff}, and a
 * Content-Disposition with an ASCII fallback name plus the real name as RFC 5987 {@code filename*=UTF-8''…}.
 */
final class EvidenceDownloads {

    private EvidenceDownloads() {
    }

    static ResponseEntity<InputStreamResource> attachment(StoredFile file) {
        return send(file, "attachment");
    }

    static ResponseEntity<InputStreamResource> inline(StoredFile file) {
        return send(file, "inline");
    }

    private static ResponseEntity<InputStreamResource> send(StoredFile file, String disposition) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(disposition, file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .contentType(MediaType.parseMediaType(file.contentType()));
        if (file.size() >= 0) {
            response.contentLength(file.size());
        }
        return response.body(new InputStreamResource(file.content()));
    }

    static String contentDisposition(String disposition, String fileName) {
        StringBuilder ascii = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' && c != '%' ? c : '_');
        }
        return disposition + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(fileName);
    }

    /** Percent-encodes everything but RFC 5987 attr-chars. */
    static String rfc5987(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean attrChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                out.write(c);
            } else {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
