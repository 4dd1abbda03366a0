package org.gongjian.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Replaces Boot's BasicErrorController: every error that reaches {@code /error} (unknown paths, 405, 406, 415,
 * a filter's refusal, an exception nobody handled) is problem+json under {@code /api/}, whatever the client
 * accepts, and the Chinese error page elsewhere. Never a stack trace, class name or exception message.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPageController implements ErrorController {

    /** A request attribute a filter may set before {@code sendError} to say what was wrong (Chinese). */
    static final String MESSAGE = ErrorPageController.class.getName() + ".message";

    private final MessageSource messages;

    ErrorPageController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping
    @Nullable
    ModelAndView error(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        int status = status(request);
        String message = (String) request.getAttribute(MESSAGE);
        if (isApi(request)) {
            writeProblem(response, status, message == null ? detail(status) : message);
            return null;
        }
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(HttpStatus.valueOf(status));
        mav.addObject("status", status);
        mav.addObject("message", message != null ? message : messages.getMessage(pageKey(status), null, locale));
        return mav;
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404; // /error asked for directly: there is no such page
        return HttpStatus.resolve(status) == null || status < 400 ? 500 : status;
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        return path.startsWith(request.getContextPath() + "/api/");
    }

    private static String pageKey(int status) {
        return switch (status) {
            case 403, 404, 413 -> "error." + status;
            default -> status >= 500 ? "error.500" : "error.400";
        };
    }

    static void writeProblem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(problemJson(status, ApiExceptionHandler.title(title(status)), detail));
    }

    static String problemJson(int status, String title, String detail) {
        return "{\"type\":\"https://gongjian.org/problems/" + type(status) + "\",\"title\":\"" + json(title)
                + "\",\"status\":" + status + ",\"detail\":\"" + json(detail) + "\"}";
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "请求格式有误";
            case 401 -> "未认证";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 406 -> "无法提供所需格式";
            case 413 -> "文件过大";
            case 415 -> "不支持的内容类型";
            case 422 -> "输入有误";
            case 431 -> "请求头过大";
            default -> status >= 500 ? "服务器内部错误" : "请求格式有误";
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "请求无法解析（地址、参数、请求头或内容的格式有误）";
            case 401 -> "请先获取令牌并以 Authorization: Bearer 发送";
            case 403 -> "您的角色无权执行此操作";
            case 404 -> "没有这个地址，或请求的数据不在您的数据范围内";
            case 405 -> "此地址不支持该请求方法";
            case 406 -> "接口只提供 JSON（application/json 或 application/problem+json）";
            case 413 -> "上传的内容超过了允许的大小";
            case 415 -> "请以 application/json 提交（上传文件用 multipart/form-data）";
            case 431 -> "请求头过大";
            default -> status >= 500 ? "服务器处理请求时出错，请稍后重试；如果一再出现，请联系管理员" : "请求有误";
        };
    }

    private static String type(int status) {
        return switch (status) {
            case 400 -> "malformed";
            case 404 -> "not-found";
            case 405 -> "method";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "media-type";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
