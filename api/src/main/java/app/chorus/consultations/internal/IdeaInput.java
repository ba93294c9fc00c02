package app.chorus.consultations.internal;

/** What someone writes to propose an idea. */
public record IdeaInput(String title, String body, String category) {

    void requireValid() {
        if (title == null || title.isBlank() || title.length() > 150) {
            throw Problems.invalid("title", "length-1-150", "Give your idea a title of 1-150 characters.");
        }
        if (body == null || body.isBlank() || body.length() > 5000) {
            throw Problems.invalid("body", "length-1-5000", "Describe your idea in 1-5,000 characters.");
        }
        if (category != null && category.length() > 60) {
            throw Problems.invalid("category", "length-at-most-60", "Keep the category under 60 characters.");
        }
    }
}
