package app.chorus.directory.web;

import app.chorus.identity.CurrentUser;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Who am I. Grows with the directory: my schools and the pupils I care for. */
@RestController
class MeController {

    @GetMapping("/api/v1/me")
    Mono<Map<String, Object>> me(@AuthenticationPrincipal CurrentUser user) {
        TreeSet<String> roles = new TreeSet<>();
        user.roles().forEach(role -> roles.add(role.claimValue()));
        return Mono.just(Map.of("username", user.username(), "personId", String.valueOf(user.personId()), "roles", roles));
    }
}
