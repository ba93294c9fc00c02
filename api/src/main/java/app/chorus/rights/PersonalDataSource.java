package app.chorus.rights;

import java.util.Map;
import reactor.core.publisher.Flux;

/**
 * A module's part of a subject access export: what it holds that names the person, one record per item. Anything
 * that cannot be linked to the person (anonymous answers) is not there by design.
 */
public interface PersonalDataSource {

    /** The section's name in the export, e.g. {@code survey-answers}. */
    String section();

    Flux<Map<String, Object>> about(String personId);

    /** The files the person wrote or received that the archive holds whole, in a folder named after the section. */
    default Flux<PersonalFile> files(String personId) {
        return Flux.empty();
    }
}
