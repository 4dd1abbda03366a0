package org.gongjian.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.gongjian.shared.Conflict;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.MalformedInput;
import org.gongjian.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * RFC 9457 problem details for every REST controller. Messages are in Chinese because they reach the user
 * through whatever client calls us; {@code errors[]} lists field (and import row) problems.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "未找到", "请求的" + label(e.entity()) + "不存在或不在您的数据范围内");
    }

    @ExceptionHandler(MalformedInput.class)
    ProblemDetail malformed(MalformedInput e) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "malformed", "请求格式有误", e.getMessage()), e.problems());
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        return withErrors(problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "输入有误", e.getMessage()), e.problems());
    }

    @ExceptionHandler(org.gongjian.shared.Forbidden.class)
    ProblemDetail forbidden(org.gongjian.shared.Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "无权操作", e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, e.code(), "与当前状态冲突", e.getMessage());
        return p;
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), "不符合业务规则", e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "stale", "数据已被他人修改", "数据已被他人修改，请刷新后重试");
    }

    /**
     * The database gave a write up over locks even after {@link org.gongjian.shared.LockRetry}'s attempts (or on a
     * path without them): that transaction saved nothing (a request of several transactions may have finished the
     * ones before it), and the same request a moment later will go through — 503 with Retry-After, not a 500 that
     * reads like a fault.
     */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> busy(org.springframework.dao.PessimisticLockingFailureException e) {
        log.warn("Write given up over locks, answered 503: {}", e.getMostSpecificCause().getMessage());
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "2")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "系统繁忙", "数据正被其他操作占用，本次操作未能完成，请稍后重试"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("Integrity violation: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "integrity", "与现有数据冲突", "与现有数据冲突（可能是编码重复或引用的数据不存在）");
    }

    @ExceptionHandler(BindException.class)
    ProblemDetail bind(BindException e) {
        List<FieldProblem> problems = e.getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), null, f.getDefaultMessage())).toList();
        return withErrors(problem(HttpStatus.BAD_REQUEST, "validation", "输入有误", "请检查标出的字段"), problems);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ProblemDetail unreadable(Exception e) {
        String detail = e instanceof MethodArgumentTypeMismatchException m
                ? "参数 " + m.getName() + " 的格式不正确"
                : e instanceof MissingServletRequestParameterException m ? "缺少参数 " + m.getParameterName()
                : e instanceof MissingServletRequestPartException m ? "缺少上传文件 " + m.getRequestPartName()
                : "请求内容无法解析（JSON 格式或字段类型有误）";
        return problem(HttpStatus.BAD_REQUEST, "malformed", "请求格式有误", detail);
    }

    @ExceptionHandler(tools.jackson.core.JacksonException.class)
    ProblemDetail json(tools.jackson.core.JacksonException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed", "请求格式有误", "请求内容无法解析（JSON 格式或字段类型有误）");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "文件过大", "上传的文件超过了允许的大小");
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "multipart", "上传有误", "上传的内容无法解析");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method", "不支持的请求方法", "此地址不支持 " + e.getMethod());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type", "不支持的内容类型", "请以 application/json 提交");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "未找到", "没有这个地址");
    }

    /**
     * Everything else: a framework exception that knows its status keeps it; anything unexpected is a 500 that
     * names no class, message or stack (those go to the log). Security's exceptions go on to its own handlers
     * (401/403), and 406 to the error page, which writes problem+json whatever the client accepts.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException
                || e instanceof org.springframework.web.HttpMediaTypeNotAcceptableException) {
            throw e;
        }
        if (e instanceof org.springframework.web.ErrorResponse r && r.getStatusCode().value() < 500) {
            HttpStatus status = HttpStatus.valueOf(r.getStatusCode().value());
            return problem(status, "http-" + status.value(), ErrorPageController.title(status.value()),
                    ErrorPageController.detail(status.value()));
        }
        log.error("Unexpected failure answered with 500", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "服务器内部错误", "服务器处理请求时出错，请稍后重试；如果一再出现，请联系管理员");
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://gongjian.org/problems/" + type));
        p.setTitle(title(title));
        return p;
    }

    /** English titles for {@code ?lang=en} callers; details stay as the rules wrote them (Chinese). */
    private static final Map<String, String> ENGLISH_TITLES = Map.ofEntries(
            Map.entry("未找到", "Not found"), Map.entry("输入有误", "Invalid input"), Map.entry("无权操作", "Forbidden"),
            Map.entry("与当前状态冲突", "Conflicts with the current state"),
            Map.entry("不符合业务规则", "Breaks a business rule"), Map.entry("数据已被他人修改", "Changed by someone else"),
            Map.entry("与现有数据冲突", "Conflicts with existing data"), Map.entry("请求格式有误", "Malformed request"),
            Map.entry("文件过大", "File too large"), Map.entry("上传有误", "Bad upload"),
            Map.entry("不支持的请求方法", "Method not supported"), Map.entry("不支持的内容类型", "Unsupported media type"),
            Map.entry("服务器内部错误", "Internal server error"), Map.entry("无法提供所需格式", "Not acceptable"),
            Map.entry("请求头过大", "Request header too large"), Map.entry("未认证", "Unauthenticated"));

    static String title(String chinese) {
        return "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage())
                ? ENGLISH_TITLES.getOrDefault(chinese, chinese) : chinese;
    }

    private static ProblemDetail withErrors(ProblemDetail p, List<FieldProblem> problems) {
        p.setProperty("errors", problems.stream().map(f -> f.row() == null
                ? Map.of("field", f.field(), "message", f.message())
                : Map.of("field", f.field(), "row", f.row(), "message", f.message())).toList());
        return p;
    }

    private static String label(String entity) {
        return switch (entity) {
            case "unit" -> "单位";
            case "person" -> "干部";
            case "user" -> "用户";
            case "campaign" -> "攻坚行动";
            case "task" -> "任务";
            case "instruction" -> "批示";
            case "pledge" -> "军令状";
            case "briefing" -> "工作通报";
            default -> "数据";
        };
    }
}
