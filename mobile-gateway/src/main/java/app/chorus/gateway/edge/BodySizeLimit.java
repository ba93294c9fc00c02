package app.chorus.gateway.edge;

import app.chorus.edge.ProblemException;
import app.chorus.edge.ProblemResponses;
import app.chorus.gateway.GatewayProperties;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies above {@code chorus.gateway.max-body-size} with 413 before anything reaches the api: at once
 * when Content-Length says so, or as soon as a streamed (chunked) body crosses the limit. Attachment uploads have
 * their own, larger limit ({@code upload-max-body-size}, the api's 10 MB).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodySizeLimit implements WebFilter {

    private static final PathPattern UPLOADS = PathPatternParser.defaultInstance.parse("/api/v1/announcements/*/attachments");

    private final long defaultMaxBytes;
    private final long uploadMaxBytes;
    private final ProblemResponses problems;

    BodySizeLimit(GatewayProperties properties, ProblemResponses problems) {
        this.defaultMaxBytes = properties.maxBodySize().toBytes();
        this.uploadMaxBytes = properties.uploadMaxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long maxBytes = UPLOADS.matches(exchange.getRequest().getPath().pathWithinApplication()) ? uploadMaxBytes : defaultMaxBytes;
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, tooLarge(maxBytes));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        sink.error(tooLarge(maxBytes));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "body-too-large", "Content too large",
            "The request body is larger than the " + maxBytes / 1024 + " KB the mobile gateway accepts. Send less data.")
            .with("maxBytes", maxBytes);
    }
}
