package dev.stampboard.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link HttpClient} that never opens a socket: it answers the real SDK clients' requests from
 * routes (method + path pattern) and records every request it saw. An unrouted request gets the
 * 404 that Resource Manager would send.
 */
final class FakeAzure implements HttpClient {

    /** One request as the SDK built it: path as sent (double slashes kept), decoded query parameters, body. */
    record Seen(String method, String path, Map<String, String> query, String body) {}

    record Answer(int status, Map<String, String> headers, String body) {
        static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    private record Route(String method, Pattern path, Function<Seen, Answer> answer) {}

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    void reset() {
        routes.clear();
        seen.clear();
    }

    /** Routes {@code method} on paths matching {@code pathRegex} (matched against the path with slashes collapsed); the newest route wins. */
    FakeAzure on(String method, String pathRegex, Function<Seen, Answer> answer) {
        routes.add(0, new Route(method, Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE), answer));
        return this;
    }

    FakeAzure on(String method, String pathRegex, int status, String body) {
        return on(method, pathRegex, r -> Answer.json(status, body));
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    List<Seen> requests(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE);
        return seen.stream()
                .filter(s -> s.method().equals(method)
                        && p.matcher(s.path().replaceAll("/+", "/")).matches())
                .toList();
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        String body = request.getBodyAsBinaryData() == null
                ? ""
                : request.getBodyAsBinaryData().toString();
        Seen s = new Seen(
                request.getHttpMethod().name(),
                request.getUrl().getPath(),
                query(request.getUrl().getQuery()),
                body);
        seen.add(s);
        String collapsed = s.path().replaceAll("/+", "/");
        Answer answer = routes.stream()
                .filter(r -> r.method().equals(s.method())
                        && r.path().matcher(collapsed).matches())
                .findFirst()
                .map(r -> r.answer().apply(s))
                .orElse(Answer.json(
                        404,
                        "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The fake has no route for "
                                + s.method() + " " + s.path() + "\"}}"));
        return Mono.just(new Canned(request, answer));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private static final class Canned extends HttpResponse {
        private final Answer answer;
        private final byte[] bytes;
        private final HttpHeaders headers = new HttpHeaders();

        Canned(HttpRequest request, Answer answer) {
            super(request);
            this.answer = answer;
            this.bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((k, v) -> headers.set(HttpHeaderName.fromString(k), v));
            headers.set(HttpHeaderName.CONTENT_LENGTH, String.valueOf(bytes.length));
        }

        @Override
        public int getStatusCode() {
            return answer.status();
        }

        @Override
        public String getHeaderValue(String name) {
            return headers.getValue(HttpHeaderName.fromString(name));
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.just(ByteBuffer.wrap(bytes));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(bytes);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just(answer.body());
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(bytes, charset));
        }
    }
}
