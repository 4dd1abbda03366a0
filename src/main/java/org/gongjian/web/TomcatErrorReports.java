package org.gongjian.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests before Spring sees them (a {@code %00} or {@code %2F} in the path, headers over
 * the limit): its ErrorReportValve wrote an English HTML page. Ours writes problem+json under {@code /api/} and a
 * short Chinese page elsewhere. Ordered last, so it replaces the valve Boot installs for
 * {@code server.error.include-stacktrace=never}.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReportValve());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Public with a no-argument constructor: Tomcat's host instantiates its error valve class by name. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            String uri = request.getRequestURI();
            boolean api = uri != null && uri.startsWith("/api/");
            String body = api
                    ? ErrorPageController.problemJson(status, ErrorPageController.title(status), ErrorPageController.detail(status))
                    : "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>出错了</title></head><body>"
                      + "<h1>" + status + "</h1><p>" + ErrorPageController.detail(status) + "</p><p><a href=\"/\">返回首页</a></p></body></html>";
            try {
                response.setContentType(api ? "application/problem+json" : "text/html");
                response.setCharacterEncoding("utf-8");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Cache-Control", "no-store");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client went away or the response can't take a body: nothing more to tell it.
            }
        }
    }
}
