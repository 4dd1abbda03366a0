package org.gongjian.web;

import org.gongjian.shared.DomainException;
import org.gongjian.shared.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Friendly Chinese error pages for the server-rendered UI; never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UiExceptionHandler {

    private final org.springframework.context.MessageSource messages;

    UiExceptionHandler(org.springframework.context.MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e, java.util.Locale locale) {
        return page(HttpStatus.NOT_FOUND, messages.getMessage("error.404", null, locale));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e, java.util.Locale locale) {
        return page(HttpStatus.BAD_REQUEST, messages.getMessage("error.400", null, locale));
    }

    /** A value the page can't read (a period "2026-13", a NUL character): 400 with the reason. */
    @ExceptionHandler(org.gongjian.shared.MalformedInput.class)
    ModelAndView malformed(org.gongjian.shared.MalformedInput e) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** A rule broken by input that reached no form to re-render (a link with a bad parameter): 422 with the reason. */
    @ExceptionHandler(org.gongjian.shared.InvalidInput.class)
    ModelAndView invalid(org.gongjian.shared.InvalidInput e) {
        return page(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e) {
        HttpStatus status = e instanceof org.gongjian.shared.Forbidden ? HttpStatus.FORBIDDEN
                : e instanceof org.gongjian.shared.Conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        return page(status, e.getMessage());
    }

    /** See {@code ApiExceptionHandler#busy}: the write that failed saved nothing; the same action a moment later will go through. */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ModelAndView busy(org.springframework.dao.PessimisticLockingFailureException e) {
        return page(HttpStatus.SERVICE_UNAVAILABLE, "系统繁忙：数据正被其他操作占用，本次操作未能完成，请稍后再试一次。");
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("message", message);
        return mav;
    }
}
