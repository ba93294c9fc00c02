package app.chorus.shared;

import java.util.List;

/** One page of a cursor-paginated list: {@code next} is null on the last page. */
public record Page<T>(List<T> items, String next) {

    public static <T> Page<T> of(List<T> items, String next) {
        return new Page<>(List.copyOf(items), next);
    }
}
