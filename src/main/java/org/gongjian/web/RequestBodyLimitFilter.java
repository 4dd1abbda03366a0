package org.gongjian.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps API request bodies, in the API filter chain after authorisation (so nobody anonymous or unauthorised makes
 * the server read anything). A JSON (or any non-multipart) body over {@code gongjian.api.max-body-size} is a 413
 * problem+json: at once when Content-Length says so, otherwise as soon as the stream passes the cap, so at most
 * the cap is ever read. Multipart is parsed here, once, for the first time: files stream to temporary files
 * (spring.servlet.multipart.file-size-threshold=0B) and an upload over the multipart limits is a 413.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final String EXCEEDED = RequestBodyLimitFilter.class.getName() + ".exceeded";

    private final long maxBytes;

    public RequestBodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request)) {
            try {
                request.getParts(); // parsed once, after authentication; Spring and the filters below reuse it
            } catch (IllegalStateException e) {
                tooLarge(response, "上传的文件超过了允许的大小，请压缩或拆分后再上传");
                return;
            } catch (ServletException | IOException e) {
                // A malformed body, not a size problem: the usual handling further down answers it.
            } catch (RuntimeException e) {
                // Tomcat's InvalidFileNameException (a NUL in a file name): InputHygieneFilter answers it with 400.
                request.setAttribute(InputHygieneFilter.UNREADABLE_PARTS, e);
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response, tooLargeDetail());
            return;
        }
        try {
            chain.doFilter(new Capped(request, maxBytes), new MutedOnceExceeded(response, request));
        } catch (BodyTooLargeException e) {
            if (!response.isCommitted()) {
                response.reset();
                tooLarge(response, tooLargeDetail());
                return;
            }
            throw e;
        }
        // The cap tripped inside a reader that turned it into another error (Jackson's 400): the size is the cause.
        if (request.getAttribute(EXCEEDED) != null && !response.isCommitted()) {
            response.reset();
            tooLarge(response, tooLargeDetail());
        }
    }

    private String tooLargeDetail() {
        return "请求内容超过 " + (maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MB" : maxBytes + " 字节")
                + "，请精简后再提交";
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    static void tooLarge(HttpServletResponse response, String detail) throws IOException {
        ProblemWriter.write(response, 413, "too-large", "请求过大", detail);
        response.setHeader("Connection", "close");
    }

    /** Thrown by the capped stream when the body passes the cap. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body over the limit");
        }
    }

    /**
     * The response as the application sees it: once the cap has tripped, whatever the application answers (Jackson's
     * "unreadable" 400, flushed at once) goes nowhere, so the 413 can still be written afterwards.
     */
    private static final class MutedOnceExceeded extends jakarta.servlet.http.HttpServletResponseWrapper {
        private final HttpServletRequest request;

        MutedOnceExceeded(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        private boolean muted() {
            return request.getAttribute(EXCEEDED) != null;
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
            if (!muted()) {
                return super.getOutputStream();
            }
            return new jakarta.servlet.ServletOutputStream() {
                @Override
                public void write(int b) {
                }

                @Override
                public void write(byte[] b, int off, int len) {
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(jakarta.servlet.WriteListener listener) {
                }
            };
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            return muted() ? new java.io.PrintWriter(java.io.Writer.nullWriter()) : super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!muted()) {
                super.flushBuffer();
            }
        }

        @Override
        public void setStatus(int sc) {
            if (!muted()) {
                super.setStatus(sc);
            }
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (!muted()) {
                super.sendError(sc, msg);
            }
        }

        @Override
        public void sendError(int sc) throws IOException {
            if (!muted()) {
                super.sendError(sc);
            }
        }
    }

    /** The request with its body stream cut off at the cap. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                HttpServletRequest request = (HttpServletRequest) getRequest();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        // Never ask for more than one byte past the cap, so no more than that is read.
                        int n = in.read(b, off, (int) Math.min(len, Math.max(1, max + 1 - count)));
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        count += n;
                        if (count > max) {
                            request.setAttribute(EXCEEDED, Boolean.TRUE);
                            throw new BodyTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }
}
