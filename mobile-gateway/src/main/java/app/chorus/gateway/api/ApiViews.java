package app.chorus.gateway.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * The parts of the api's answers the mobile endpoints compose (unknown fields are ignored, so the api can
 * grow without breaking the gateway). Shapes: {@code /api/v1/me}, {@code /api/v1/feed}, {@code /api/v1/surveys/waiting}.
 */
public final class ApiViews {

    private ApiViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Me(String username, String personId, String name, String kind, List<Child> children) {

        public List<Child> children() {
            return children == null ? List.of() : children;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Child(String pupilId, String givenName, String familyName, String schoolId, String schoolName,
                        String yearGroup, String yearGroupName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FeedItem(String id, String schoolId, String language, String title, String summary, String priority,
                           boolean requiresAcknowledgement, Instant acknowledgeBy, Instant publishedAt, Instant updatedAt,
                           int version, boolean edited, List<LocalNote> localNotes, Instant openedAt,
                           Instant acknowledgedAt, String editReason, boolean withdrawn, String withdrawalReason) {

        public List<LocalNote> localNotes() {
            return localNotes == null ? List.of() : localNotes;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LocalNote(String schoolId, String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FeedPage(List<FeedItem> items, String next, long unread, long awaitingAcknowledgement, String sync) {

        public List<FeedItem> items() {
            return items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FeedDelta(List<FeedItem> changed, List<String> removed, List<ReadState> read, String cursor, boolean more,
                            long unread, long awaitingAcknowledgement) {

        public List<FeedItem> changed() {
            return changed == null ? List.of() : changed;
        }

        public List<String> removed() {
            return removed == null ? List.of() : removed;
        }

        public List<ReadState> read() {
            return read == null ? List.of() : read;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReadState(String id, Instant openedAt, Instant acknowledgedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WaitingSurveys(List<WaitingSurvey> items) {

        public List<WaitingSurvey> items() {
            return items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WaitingSurvey(String surveyId, String title, String anonymity, Instant closesAt, List<SurveyUnit> units) {

        public List<SurveyUnit> units() {
            return units == null ? List.of() : units;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SurveyUnit(String unit, String label, String pupilId, boolean draft) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WaitingConsultations(List<WaitingConsultation> items, String sync) {

        public List<WaitingConsultation> items() {
            return items == null ? List.of() : items;
        }
    }

    /** {@code /api/v1/consultations/waiting/changes}: home consultations changed or removed since a cursor. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConsultationDelta(List<WaitingConsultation> changed, List<String> removed, String cursor, boolean more) {

        public List<WaitingConsultation> changed() {
            return changed == null ? List.of() : changed;
        }

        public List<String> removed() {
            return removed == null ? List.of() : removed;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WaitingConsultation(String id, String title, String stage, boolean needsInput, Instant nextChangeAt,
                                      List<ConsultationVoice> voices, String outcome, Instant updatedAt) {

        public List<ConsultationVoice> voices() {
            return voices == null ? List.of() : voices;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConsultationVoice(String as, String label) {
    }
}
