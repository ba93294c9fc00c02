package app.chorus.gateway.mobile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** What changed in the carer's feed and home consultations since a cursor, gathered across the api's delta pages. */
@Schema(description = "Delta sync: apply 'changed' (new or edited), drop 'removed', update 'read', likewise 'consultations' and "
    + "'consultationsRemoved'; keep 'cursor' for next time")
public record MobileDelta(
    @Schema(description = "New or edited announcements, in the order they changed") List<MobileAnnouncement> changed,
    @Schema(description = "Ids of retracted or expired announcements: remove them from the device") List<String> removed,
    @Schema(description = "Announcements opened or acknowledged (here or on another device)") List<ReadMark> read,
    @Schema(description = "Pass as ?since= next time") String cursor,
    @Schema(description = "True when even more changed than one answer carries: call again with the cursor at once")
    boolean more,
    long unread,
    long awaitingAcknowledgement,
    @Schema(description = "Consultations new on the home or changed (stage, voices, outcome, actions): replace them by id")
    List<MobileHome.MobileConsultation> consultations,
    @Schema(description = "Ids of consultations no longer on the home (no input needed, no outcome news): remove them")
    List<String> consultationsRemoved) {

    @Schema(description = "An announcement's read state for the carer")
    public record ReadMark(String id, Instant openedAt, Instant acknowledgedAt) {
    }
}
