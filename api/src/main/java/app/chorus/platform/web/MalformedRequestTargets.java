package app.chorus.platform.web;

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
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;

/**
 * A request line that is not a URI at all ({@code ?cursor=%%%garbage}) never reaches Spring, which would answer a
 * bare 400: it is answered here, right after HTTP decoding, with the same kind of problem body as every other refusal,
 * and the connection is closed (what follows on it cannot be trusted to be the next request).
 */
@Component
class MalformedRequestTargets implements NettyServerCustomizer {

    private static final String NAME = "chorus.malformedRequestTarget";

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
            if (!refused && message instanceof HttpRequest request && !isUri(request.uri())) {
                refused = true;
                context.writeAndFlush(problem()).addListener(ChannelFutureListener.CLOSE);
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

        private static FullHttpResponse problem() {
            byte[] body = ("{\"type\":\"urn:chorus:problem:malformed-request-target\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"The request's path or query is not valid URI syntax (a '%' must start a %XX escape). "
                + "Percent-encode the query values, e.g. with encodeURIComponent.\"}").getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
    }
}
