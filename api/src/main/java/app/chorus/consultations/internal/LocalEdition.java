package app.chorus.consultations.internal;

import app.chorus.questionnaires.Question;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One school's adaptation of an adaptable trust-wide consultation: its local questions and closing date. */
@Document(LocalEdition.COLLECTION)
public record LocalEdition(@Id String id, String consultationId, String schoolId, List<Question> questions, Instant closesAt,
                           Instant updatedAt) {

    public static final String COLLECTION = "consultation_editions";

    static String idOf(String consultationId, String schoolId) {
        return consultationId + "|" + schoolId;
    }
}
