package app.chorus.gateway.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.EncodedResourceResolver;

/**
 * The bundler names every file under {@code /assets/} by its content hash, so a browser may keep them for a year
 * without asking again; {@code index.html} and {@code /config.json} are not cached, so a new release is seen at once.
 * The build writes brotli and gzip variants beside each file, served to browsers that accept them.
 */
@Configuration(proxyBeanMethods = false)
class HashedAssets implements WebFluxConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
            .addResourceLocations("classpath:/static/assets/")
            .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
            .resourceChain(true)
            .addResolver(new EncodedResourceResolver());
    }
}
