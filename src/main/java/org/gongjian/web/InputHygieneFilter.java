package org.gongjian.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, the same way everywhere, what no field may hold: a NUL character in a query or form parameter, a JSON
 * body (raw or as the {@code \u0000} escape), a multipart field or a file name (400); a file name over 255
 * characters (422, with the limit named); a multipart body that can't be parsed (400), so nothing downstream ever
 * sees such input or half-stores it. Pages: before Spring Security, after {@link UploadLimitFilter} (which has
 * answered an over-size upload with 413). API: in its chain after authorisation and {@link RequestBodyLimitFilter},
 * so nobody anonymous makes the server read a body, and the body read here is the capped one.
 */
public class InputHygieneFilter extends OncePerRequestFilter {

    static final int MAX_FILE_NAME = 255;
    private static final int MAX_FIELD_CHECKED = 1 << 20;

    /** Set by the filter that parsed the upload first when Tomcat threw something other than an I/O failure. */
    static final String UNREADABLE_PARTS = InputHygieneFilter.class.getName() + ".unreadableParts";

    private final boolean api;

    /** {@code api}: this instance checks {@code /api/} requests only (in the API chain), otherwise all others. */
    public InputHygieneFilter(boolean api) {
        this.api = api;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/") != api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        HttpServletRequest checked = request;
        String refusal;
        if (type.startsWith("multipart/")) {
            refusal = multipart(request);
            if (refusal == null) {
                refusal = parameters(request);
            }
        } else if (type.contains("json")) {
            byte[] body = request.getInputStream().readAllBytes();
            checked = new CachedBody(request, body);
            refusal = hasNul(body) ? NUL : parameters(request);
        } else {
            refusal = parameters(request);
        }
        if (refusal != null) {
            request.setAttribute(ErrorPageController.MESSAGE, refusal);
            response.sendError(refusal.startsWith(TOO_LONG) ? 422 : 400);
            return;
        }
        chain.doFilter(checked, response);
    }

    static final String NUL = "请求中含有不允许的空字符（NUL，\\u0000），请删除后重试";
    static final String TOO_LONG = "文件名过长";
    private static final String UNPARSEABLE = "上传的内容无法解析（multipart 格式有误，例如缺少 boundary）";

    private static @Nullable String parameters(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            return NUL;
        }
        try {
            for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
                if (entry.getKey().indexOf('\0') >= 0) {
                    return NUL;
                }
                for (String value : entry.getValue()) {
                    if (value != null && value.indexOf('\0') >= 0) {
                        return NUL;
                    }
                }
            }
        } catch (IllegalStateException e) {
            return UNPARSEABLE;
        }
        return null;
    }

    private static @Nullable String multipart(HttpServletRequest request) throws IOException {
        if (request.getAttribute(UNREADABLE_PARTS) != null) {
            return NUL;
        }
        try {
            for (Part part : request.getParts()) {
                String name = fileName(part);
                if (name != null && name.indexOf('\0') >= 0) {
                    return NUL;
                }
                if (name != null && name.length() > MAX_FILE_NAME) {
                    return TOO_LONG + "（" + name.length() + " 个字符）：文件名最多 " + MAX_FILE_NAME + " 个字符，请改短后再上传";
                }
                if (name == null && part.getSize() <= MAX_FIELD_CHECKED) {
                    try (InputStream in = part.getInputStream()) {
                        if (hasRawNul(in.readAllBytes())) {
                            return NUL;
                        }
                    }
                }
            }
        } catch (ServletException | IOException e) {
            return UNPARSEABLE;
        } catch (IllegalStateException e) {
            return null; // over a size limit: UploadLimitFilter has answered it
        } catch (RuntimeException e) {
            return NUL; // Tomcat's InvalidFileNameException: a NUL in the submitted file name
        }
        return null;
    }

    /** The name as the client sent it (Spring reads Content-Disposition the same way), null for a plain field. */
    private static @Nullable String fileName(Part part) {
        String disposition = part.getHeader("Content-Disposition");
        if (disposition != null) {
            try {
                String name = ContentDisposition.parse(disposition).getFilename();
                if (name != null) {
                    return name;
                }
            } catch (IllegalArgumentException e) {
                // fall back to Tomcat's reading below
            }
        }
        return part.getSubmittedFileName();
    }

    private static boolean hasRawNul(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** A raw NUL byte, or the JSON escape {@code \u0000} (not {@code \\u0000}, an escaped backslash then text). */
    static boolean hasNul(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                return true;
            }
            if (body[i] == '\\' && i + 5 < body.length && body[i + 1] == 'u' && body[i + 2] == '0' && body[i + 3] == '0'
                    && body[i + 4] == '0' && body[i + 5] == '0') {
                int backslashes = 0;
                for (int j = i; j >= 0 && body[j] == '\\'; j--) {
                    backslashes++;
                }
                if (backslashes % 2 == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The JSON body, read once to check it, then handed on unchanged. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }
    }
}
