package app.chorus.gateway.mobile;

import app.chorus.gateway.GatewayProperties;
import app.chorus.gateway.api.ApiClient;
import app.chorus.gateway.api.ApiViews.ConsultationDelta;
import app.chorus.gateway.api.ApiViews.WaitingConsultation;
import app.chorus.gateway.api.ApiViews.WaitingConsultations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The home's consultations since a cursor: the api's delta pages followed (bounded) and folded, the latest state of each
 * changed consultation and removals that win over earlier changes. A cursor from before consultations were synced gets
 * the whole list as changed, with a cursor to go on from.
 */
@Component
class ConsultationSync {

    private final ApiClient api;
    private final int maxPages;

    ConsultationSync(ApiClient api, GatewayProperties properties) {
        this.api = api;
        this.maxPages = properties.syncPages();
    }

    record Changes(List<MobileHome.MobileConsultation> changed, List<String> removed, String cursor, boolean more) {
    }

    Mono<Changes> since(String cursor) {
        if (cursor == null) {
            return api.get(uri -> uri.path("/api/v1/consultations/waiting").build(), WaitingConsultations.class)
                .map(whole -> new Changes(cards(whole.items()), List.of(), whole.sync(), false));
        }
        return page(cursor)
            .expand(delta -> delta.more() ? page(delta.cursor()) : Mono.empty())
            .take(maxPages)
            .collectList()
            .map(ConsultationSync::folded);
    }

    private Mono<ConsultationDelta> page(String cursor) {
        return api.get(uri -> uri.path("/api/v1/consultations/waiting/changes").queryParam("since", "{since}").build(cursor),
            ConsultationDelta.class);
    }

    private static Changes folded(List<ConsultationDelta> pages) {
        Map<String, WaitingConsultation> changed = new LinkedHashMap<>();
        TreeSet<String> removed = new TreeSet<>();
        for (ConsultationDelta page : pages) {
            for (WaitingConsultation consultation : page.changed()) {
                removed.remove(consultation.id());
                changed.remove(consultation.id());
                changed.put(consultation.id(), consultation);
            }
            for (String id : page.removed()) {
                changed.remove(id);
                removed.add(id);
            }
        }
        ConsultationDelta last = pages.get(pages.size() - 1);
        return new Changes(cards(List.copyOf(changed.values())), List.copyOf(removed), last.cursor(), last.more());
    }

    private static List<MobileHome.MobileConsultation> cards(List<WaitingConsultation> consultations) {
        return consultations.stream().map(HomeComposer::consultation).toList();
    }
}
