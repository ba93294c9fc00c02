package app.chorus.moderation.internal;

import app.chorus.moderation.Contribution;
import app.chorus.moderation.ContributionRef;
import app.chorus.moderation.Visibility;
import app.chorus.platform.FieldEncryption;
import app.chorus.platform.SealedFields;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * A moderation item as stored. What pupils write and anything that raised a safeguarding concern (its title, text
 * and the lead's note) is sealed with {@link FieldEncryption}: whoever holds the data folder or a backup without the
 * deployment's keyset reads none of it. Items stored before sealing are read as they are.
 */
@Component
class ItemDocuments extends SealedFields {

    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String NOTE = "concern.note";

    private final FieldEncryption encryption;

    ItemDocuments(FieldEncryption encryption) {
        super(ModerationItems.COLLECTION, TITLE, TEXT, NOTE);
        this.encryption = encryption;
    }

    Document toDocument(ModerationItem item) {
        Contribution c = item.contribution();
        String id = c.ref().key();
        boolean seal = c.byPupil() || item.concern() != null;
        return new Document("_id", id).append("kind", c.ref().kind()).append("itemId", c.ref().id())
            .append(TITLE, sealed(seal, c.title(), id, TITLE)).append(TEXT, sealed(seal, c.text(), id, TEXT))
            .append("schoolId", c.schoolId())
            .append("safeguardingSchools", List.copyOf(c.safeguardingSchools()))
            .append("authorPersonId", c.authorPersonId()).append("byPupil", c.byPupil())
            .append("visibility", item.visibility().name())
            .append("queued", item.queued() == null ? null : item.queued().name())
            .append("reports", item.reports().stream().map(r -> new Document("by", r.by()).append("reason", r.reason())
                .append("at", Date.from(r.at()))).toList())
            .append("decisions", item.decisions().stream().map(d -> new Document("by", d.by())
                .append("visibility", d.visibility().name()).append("reason", d.reason()).append("at", Date.from(d.at()))).toList())
            .append("review", item.review() == null ? null : new Document("reason", item.review().reason())
                .append("at", Date.from(item.review().at())).append("excludedModerator", item.review().excludedModerator())
                .append("decidedAt", date(item.review().decidedAt())))
            .append("concern", item.concern() == null ? null : concernDocument(item.concern(), id))
            .append("submittedAt", Date.from(item.submittedAt())).append("version", item.version())
            .append(ModerationItems.DECIDED_AT, item.decisions().isEmpty() ? null
                : Date.from(item.decisions().get(item.decisions().size() - 1).at()));
    }

    private Document concernDocument(ModerationItem.Concern concern, String id) {
        return new Document("phrases", List.copyOf(concern.phrases())).append("schoolIds", List.copyOf(concern.schoolIds()))
            .append("raisedAt", date(concern.raisedAt())).append("notifiedAt", date(concern.notifiedAt()))
            .append("acknowledgedAt", date(concern.acknowledgedAt())).append("acknowledgedBy", concern.acknowledgedBy())
            .append("note", encryption.seal(concern.note(), SealedFields.place(ModerationItems.COLLECTION, id, NOTE)))
            .append("escalatedAt", date(concern.escalatedAt()))
            .append("escalationNotifiedAt", date(concern.escalationNotifiedAt()));
    }

    ModerationItem fromDocument(Document d) {
        String id = d.getString("_id");
        Contribution contribution = new Contribution(new ContributionRef(d.getString("kind"), d.getString("itemId")),
            open(d.get(TITLE), id, TITLE), open(d.get(TEXT), id, TEXT), d.getString("schoolId"),
            new HashSet<>(d.getList("safeguardingSchools", String.class, List.of())), d.getString("authorPersonId"),
            d.getBoolean("byPupil", false));
        List<ModerationItem.Report> reports = d.getList("reports", Document.class, List.of()).stream()
            .map(r -> new ModerationItem.Report(r.getString("by"), r.getString("reason"), instant(r.getDate("at")))).toList();
        List<ModerationItem.Decision> decisions = d.getList("decisions", Document.class, List.of()).stream()
            .map(x -> new ModerationItem.Decision(x.getString("by"), Visibility.valueOf(x.getString("visibility")),
                x.getString("reason"), instant(x.getDate("at")))).toList();
        Document r = d.get("review", Document.class);
        ModerationItem.Review review = r == null ? null : new ModerationItem.Review(r.getString("reason"),
            instant(r.getDate("at")), r.getString("excludedModerator"), instant(r.getDate("decidedAt")));
        Document c = d.get("concern", Document.class);
        ModerationItem.Concern concern = c == null ? null : new ModerationItem.Concern(
            new HashSet<>(c.getList("phrases", String.class, List.of())), new HashSet<>(c.getList("schoolIds", String.class, List.of())),
            instant(c.getDate("raisedAt")), instant(c.getDate("notifiedAt")), instant(c.getDate("acknowledgedAt")),
            c.getString("acknowledgedBy"), open(c.get("note"), id, NOTE), instant(c.getDate("escalatedAt")),
            instant(c.getDate("escalationNotifiedAt")));
        String queued = d.getString("queued");
        return new ModerationItem(contribution, Visibility.valueOf(d.getString("visibility")),
            queued == null ? null : ModerationItem.QueueReason.valueOf(queued), reports, decisions, review, concern,
            instant(d.getDate("submittedAt")), d.get("version", Number.class).longValue());
    }

    /** Pupils' words and anything that raised a concern are sealed; the rest is stored as written. */
    private Object sealed(boolean seal, String value, String id, String field) {
        return seal ? encryption.seal(value, SealedFields.place(ModerationItems.COLLECTION, id, field)) : value;
    }

    private String open(Object stored, String id, String field) {
        return encryption.open(stored, SealedFields.place(ModerationItems.COLLECTION, id, field));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
