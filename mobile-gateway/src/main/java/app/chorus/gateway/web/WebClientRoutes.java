package app.chorus.gateway.web;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Serves the web client's runtime settings; the app itself comes from classpath:/static/ (the web-client jar). */
@Configuration(proxyBeanMethods = false)
class WebClientRoutes {

    @Bean
    RouterFunction<ServerResponse> webClientConfig(WebClientProperties web) {
        Map<String, String> body = Map.of(
            "authority", web.authority(),
            "clientId", web.clientId(),
            "apiBase", web.apiBase());
        return RouterFunctions.route()
            .GET("/config.json", request -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache())
                .bodyValue(body))
            .build();
    }

    @Bean
    SpaFallbackFilter spaFallbackFilter() {
        return new SpaFallbackFilter();
    }
}
