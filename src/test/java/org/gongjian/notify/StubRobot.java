package org.gongjian.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A group robot on a free local port. Requests whose body carries {@link #tag} get the scripted answers in order
 * (then the last one again); anything else (leftovers of other tests) gets {@code errcode 0}.
 */
final class StubRobot implements AutoCloseable {

    record Answer(int status, String body) {}

    record Received(URI uri, String body) {}

    static final Answer OK = new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

    private final HttpServer server;
    private final String tag;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> check = r -> null;

    StubRobot(String tag, Answer... answers) throws IOException {
        this.tag = tag;
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Received request = new Received(exchange.getRequestURI(), body);
            Answer answer = OK;
            if (body.contains(tag)) {
                received.add(request);
                Answer refused = check.apply(request);
                answer = refused != null ? refused : next();
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    private synchronized Answer next() {
        if (script.isEmpty()) {
            return OK;
        }
        return script.size() == 1 ? script.peek() : script.poll();
    }

    /** A check of each tagged request before the script: a non-null answer refuses it (e.g. a bad signature). */
    StubRobot checking(Function<Received, Answer> check) {
        this.check = check;
        return this;
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    List<Received> received() {
        return received;
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new java.util.HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
