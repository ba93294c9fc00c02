package app.chorus.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * A number or a true/false where a text is expected is refused (a {@code wrong-type} problem naming the field), not
 * quietly turned into text: {@code "title": 5} is a client's mistake, and the stored value would not be what it meant.
 */
@Configuration(proxyBeanMethods = false)
class StrictScalars {

    @Bean
    JsonMapperBuilderCustomizer numbersAreNotText() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> text
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
