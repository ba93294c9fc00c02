package app.chorus.edge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * What the api and the gateway do alike at their edge (ADR 0170): every error as problem details, a request id on
 * every request and access line, and request bodies read strictly. An application replaces a part by declaring
 * its own bean (the gateway's error handler adds relayed api problems and "api unavailable").
 */
@AutoConfiguration
public class EdgeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    @ConditionalOnMissingBean(ProblemErrorHandler.class)
    ProblemErrorHandler problemErrorHandler(ProblemResponses responses) {
        return new ProblemErrorHandler(responses);
    }

    @Bean
    @ConditionalOnMissingBean
    RequestIds requestIds(@Value("${chorus.edge.access-log:app.chorus.access}") String accessLog) {
        return new RequestIds(accessLog);
    }

    /**
     * Requests Spring Security's firewall refuses (an encoded NUL, '/' or '%' in the path, a '..' or ';' segment, a
     * method it does not know) get a problem too, instead of a bare 400 (ADR 0344: the api's fuzzing found them).
     */
    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler problemForRejectedRequests(ProblemResponses responses) {
        return (exchange, rejected) -> responses.write(exchange, HttpStatus.BAD_REQUEST, "rejected-request", "Bad request",
            "The request's path holds something not allowed in a path (" + rejected.getMessage().replaceAll("\\.+$", "")
                + "). Send each path segment as plain text, without encoded slashes, percent signs or control characters.");
    }

    /** Requests HTTP decoding refused, answered as problems (ADR 0269). */
    @Bean
    MalformedRequests malformedRequests() {
        return new MalformedRequests();
    }

    /**
     * A misspelt field is refused with a problem naming it (never dropped silently), and a number or a boolean is
     * not taken for a string: {@link BodyProblems} names the field and the rule.
     */
    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .withCoercionConfig(LogicalType.Textual, textual -> textual
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
