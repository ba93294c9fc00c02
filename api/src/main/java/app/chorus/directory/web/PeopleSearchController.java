package app.chorus.directory.web;

import app.chorus.directory.internal.search.PeopleSearch;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "People", description = "Staff find people of their schools by name")
class PeopleSearchController {

    private final PeopleSearch search;

    PeopleSearchController(PeopleSearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/people")
    @Operation(summary = "People of the caller's schools whose name words start with the words typed (at least 2 letters; "
        + "case and accents ignored); kind = carer, pupil or staff; by family then given name, a page at a time")
    Mono<Page<PeopleSearch.PersonMatch>> byName(@AuthenticationPrincipal CurrentUser user, @RequestParam String name,
                                          @RequestParam(required = false) String kind, @RequestParam(required = false) String cursor,
                                          @RequestParam(defaultValue = "20") int limit) {
        return search.byName(user, name, kind, cursor, limit);
    }
}
