package dev.stampboard.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body before anything parses it: a declared {@code Content-Length} above the
 * cap is refused with 413 at once, unread; a body without one (chunked) is counted as it is read and
 * reading stops at the cap. Ingestion gets a larger cap than the other API calls; the console's own
 * (Vaadin) requests get theirs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimit extends OncePerRequestFilter {

    private final long ingestion;
    private final long api;
    private final long console;

    BodySizeLimit(
            @Value("${stampboard.limits.ingestion-body:16MB}") DataSize ingestion,
            @Value("${stampboard.limits.api-body:256KB}") DataSize api,
            @Value("${stampboard.limits.console-body:8MB}") DataSize console) {
        this.ingestion = ingestion.toBytes();
        this.api = api.toBytes();
        this.console = console.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long cap = capFor(
                request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > cap) {
            tooLarge(response, cap);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Capped(request, cap), response);
    }

    private long capFor(String path) {
        if (path.startsWith("/api/v1/telemetry/") || path.startsWith("/api/v1/ingest")) {
            return ingestion;
        }
        return path.startsWith("/api/") ? api : console;
    }

    static void tooLarge(HttpServletResponse response, long cap) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close"); // do not read the rest of a body we refuse
        response.getOutputStream()
                .write(("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                                + "\"detail\":\"The request body is larger than "
                                + DataSize.ofBytes(cap).toKilobytes()
                                + " KB, the most this endpoint accepts; send it in smaller parts. Nothing was stored\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The body stops with {@link BodyTooLargeException} once more than {@code cap} bytes were read. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final long cap;
        private @org.jspecify.annotations.Nullable ServletInputStream stream;

        Capped(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > cap) {
                            throw new BodyTooLargeException(cap);
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
    }
}
