package app.chorus.announcements.internal;

import app.chorus.rights.PersonalDataSource;
import app.chorus.rights.PersonalFile;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The attachments of the announcements a person wrote or was sent, for a subject access archive: listed as records,
 * and held whole in the archive's folder (named {@code <attachment id>-<file name>}, so two files of one name stay
 * apart). Read an announcement at a time, in id order.
 */
@Component
class AttachmentsOfAPerson implements PersonalDataSource {

    private final ReactiveMongoTemplate mongo;
    private final ReactiveGridFsTemplate files;

    AttachmentsOfAPerson(ReactiveMongoTemplate mongo, ReactiveGridFsTemplate files) {
        this.mongo = mongo;
        this.files = files;
    }

    @Override
    public String section() {
        return "announcement-attachments";
    }

    @Override
    public Flux<Map<String, Object>> about(String personId) {
        return attached(personId).map(found -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("announcementId", found.announcement().id());
            item.put("how", personId.equals(found.announcement().authorId()) ? "wrote" : "received");
            item.put("file", fileName(found.attachment()));
            item.put("contentType", found.attachment().contentType());
            item.put("bytes", found.attachment().size());
            return item;
        });
    }

    @Override
    public Flux<PersonalFile> files(String personId) {
        return attached(personId).map(found -> new PersonalFile(fileName(found.attachment()),
            files.findOne(Query.query(Criteria.where("_id").is(new ObjectId(found.attachment().id()))))
                .flatMap(files::getResource).flatMapMany(resource -> resource.getDownloadStream())));
    }

    private record Attached(Announcement announcement, Attachment attachment) {
    }

    /** The attachments of announcements the person wrote, then of those they were sent. */
    private Flux<Attached> attached(String personId) {
        Flux<Announcement> wrote = mongo.find(Query.query(Criteria.where("authorId").is(personId).and("attachments.0").exists(true))
            .with(Sort.by("_id")), Announcement.class);
        Flux<Announcement> received = mongo.find(Query.query(Criteria.where("personId").is(personId)).with(Sort.by("_id")), Receipt.class)
            .concatMap(receipt -> mongo.findById(receipt.announcementId(), Announcement.class))
            .filter(announcement -> !personId.equals(announcement.authorId()));
        return Flux.concat(wrote, received)
            .concatMapIterable(announcement -> announcement.attachments().stream().map(a -> new Attached(announcement, a)).toList());
    }

    private static String fileName(Attachment attachment) {
        return attachment.id() + "-" + attachment.filename();
    }
}
