package app.chorus.surveys.internal;

import app.chorus.platform.FieldEncryption;
import app.chorus.platform.SealedFields;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who gave a confidential answer, as its participation mark keeps it: sealed with {@link FieldEncryption}
 * ({@code identity}), so the data folder and its backups do not link the answer to anyone, plus a keyed hash of the
 * person ({@code personKey}) by which erasure finds their marks without opening any. Marks written before sealing
 * carry {@code personId} and {@code pupilId} in clear and are read and erased the same way.
 */
@Component
class ConfidentialIdentities extends SealedFields {

    static final String IDENTITY = "identity";
    static final String PERSON_KEY = "personKey";

    private final FieldEncryption encryption;
    private final UnitKeys keys;

    ConfidentialIdentities(FieldEncryption encryption, UnitKeys keys) {
        super(Participations.COLLECTION, IDENTITY);
        this.encryption = encryption;
        this.keys = keys;
    }

    /** The fields a confidential mark gets; none for other marks. */
    Mono<Document> fields(String participationId, ResponseUnit confidential) {
        if (confidential == null) {
            return Mono.just(new Document());
        }
        String both = confidential.personId() + "\n" + (confidential.pupilId() == null ? "" : confidential.pupilId());
        return keys.personKey(confidential.personId()).map(personKey -> new Document(IDENTITY,
            encryption.seal(both, place(participationId))).append(PERSON_KEY, personKey));
    }

    /** The mark's identity in clear as {@code personId} and {@code pupilId}. */
    Document open(Document mark) {
        if (!mark.containsKey(IDENTITY)) {
            return new Document("personId", mark.getString("personId")).append("pupilId", mark.getString("pupilId"));
        }
        String[] both = encryption.open(mark.get(IDENTITY), place(mark.getString("_id"))).split("\n", -1);
        return new Document("personId", both[0]).append("pupilId", both[1].isEmpty() ? null : both[1]);
    }

    /** Marks that still say who answered (sealed or, from before, in clear). */
    static Criteria identified() {
        return new Criteria().orOperator(Criteria.where(IDENTITY).exists(true), Criteria.where("personId").exists(true));
    }

    /** One person's identified marks. */
    Mono<Criteria> of(String personId) {
        return keys.personKey(personId).map(personKey -> new Criteria().orOperator(Criteria.where(PERSON_KEY).is(personKey),
            Criteria.where("personId").is(personId)));
    }

    /** What forgetting who answered unsets. */
    static org.springframework.data.mongodb.core.query.Update forgotten() {
        return new org.springframework.data.mongodb.core.query.Update().unset(IDENTITY).unset(PERSON_KEY).unset("personId")
            .unset("pupilId");
    }

    private static String place(String participationId) {
        return SealedFields.place(Participations.COLLECTION, participationId, IDENTITY);
    }
}
