package app.chorus.gateway.mobile;

import app.chorus.gateway.api.ApiViews.Child;
import app.chorus.gateway.api.ApiViews.FeedItem;
import app.chorus.gateway.api.ApiViews.LocalNote;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a carer's children a feed item concerns, as labels like "Amira (Oakfield Primary)": a school's
 * announcement concerns the children at that school; one adopted by several schools, the children at those;
 * a trust-wide one, all of them. Presentation only: who may see an item is decided by the api.
 */
record ChildLabels(List<Child> children) {

    static String label(Child child) {
        return child.givenName() + " (" + child.schoolName() + ")";
    }

    List<String> all() {
        return children.stream().map(ChildLabels::label).toList();
    }

    List<String> concerning(FeedItem item) {
        Set<String> schools = item.schoolId() != null
            ? Set.of(item.schoolId())
            : item.localNotes().stream().map(LocalNote::schoolId).collect(Collectors.toSet());
        if (schools.isEmpty()) {
            return all();
        }
        return children.stream().filter(child -> schools.contains(child.schoolId())).map(ChildLabels::label).toList();
    }
}
