package app.chorus.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;

/**
 * Requests HTTP decoding could not make sense of never reach Spring, which would answer a bare 400 (or nothing: a
 * request line over 4096 bytes left an HTTP/1.1 caller waiting for an answer until it gave up). They are answered here,
 * right after HTTP decoding, with the same kind of problem body as every other refusal, and the connection is closed
 * (what follows on it cannot be trusted to be the next request): a request line that is not a URI at all
 * ({@code ?cursor=%%%garbage}, 400), one that is too long (414), headers that are too large (431).
 */
public class MalformedRequests implements NettyServerCustomizer {

    private static final String NAME = "chorus.malformedRequest";

    @Override
    public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(NAME) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, new Refuser());
            }
        });
    }

    /** One per connection: once it has refused a request, the rest of that connection is dropped. */
    static final class Refuser extends ChannelInboundHandlerAdapter {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!refused && message instanceof HttpRequest request) {
                FullHttpResponse problem = problem(request);
                if (problem != null) {
                    refused = true;
                    context.writeAndFlush(problem).addListener(ChannelFutureListener.CLOSE);
                }
            }
            if (refused) {
                ReferenceCountUtil.release(message);
                return;
            }
            context.fireChannelRead(message);
        }

        private static boolean isUri(String target) {
            try {
                new URI(target);
                return true;
            } catch (URISyntaxException e) {
                return false;
            }
        }

        /** The refusal of this request, or null when it is well formed. */
        private static FullHttpResponse problem(HttpRequest request) {
            if (request.decoderResult().isFailure()) {
                Throwable cause = request.decoderResult().cause();
                if (cause instanceof TooLongHttpLineException) {
                    return problem(HttpResponseStatus.REQUEST_URI_TOO_LONG, "uri-too-long", "The request's path and query "
                        + "are longer than 4096 bytes. Send long values in a request body instead.");
                }
                if (cause instanceof TooLongHttpHeaderException) {
                    return problem(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                        "The request's headers are larger than 8 KB. Send fewer or shorter headers.");
                }
                return problem(HttpResponseStatus.BAD_REQUEST, "malformed-request", "The request is not valid HTTP. "
                    + "Check what your client sends.");
            }
            if (!isUri(request.uri())) {
                return problem(HttpResponseStatus.BAD_REQUEST, "malformed-request-target", "The request's path or query "
                    + "is not valid URI syntax (a '%' must start a %XX escape). Percent-encode the query values, e.g. with "
                    + "encodeURIComponent.");
            }
            return null;
        }

        private static FullHttpResponse problem(HttpResponseStatus status, String kind, String detail) {
            byte[] body = ("{\"type\":\"urn:chorus:problem:" + kind + "\",\"title\":\"" + status.reasonPhrase()
                + "\",\"status\":" + status.code() + ",\"rule\":\"" + kind + "\",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
    }
}
