package app.chorus.gateway.mobile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The carer's home screen in one document: everything that needs them, across all their children and schools. */
@Schema(description = "Home screen: announcements (needing attention first), surveys and consultations waiting, per child")
public record MobileHome(
    @Schema(description = "The signed-in person's display name") String name,
    List<MobileChild> children,
    @Schema(description = "Acknowledgement outstanding first, then unread, then the rest; newest first within each")
    List<MobileAnnouncement> announcements,
    long unread,
    long awaitingAcknowledgement,
    List<MobileSurvey> surveys,
    @Schema(description = "Consultations needing the carer's input (per child), then outcome updates of those they took part in")
    List<MobileConsultation> consultations,
    @Schema(description = "Pass as ?since= to /mobile/v1/sync to get only what changes from here (announcements and consultations)")
    String sync) {

    @Schema(description = "A child the carer cares for")
    public record MobileChild(String id, String givenName, String schoolId, String schoolName, String yearGroup,
                              @Schema(description = "How the app names the child, e.g. \"Amira (Oakfield Primary)\"") String label) {
    }

    @Schema(description = "An open survey waiting for answers: one unit per child for carer surveys, or one for the carer")
    public record MobileSurvey(String id, String title, Instant closesAt, List<Unit> units) {

        public record Unit(@Schema(description = "Path segment to answer with: 'self' or the pupil's id") String unit,
                           String label, String pupilId, boolean draft) {
        }
    }

    @Schema(description = "A consultation needing input (voices: one per child for carers) or with outcome news")
    public record MobileConsultation(String id, String title, String stage, boolean needsInput, Instant nextChangeAt,
                                     List<Voice> voices, String outcome, Instant updatedAt) {

        public record Voice(@Schema(description = "Pass as ?as= when taking part: 'self' or the pupil's id") String as,
                            String label) {
        }
    }
}
