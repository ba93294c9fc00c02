package app.chorus.announcements.internal;

import app.chorus.directory.AccessPolicy;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Problem;
import java.time.Instant;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Attachments in GridFS. The body is read up to 10 MB (bounded memory), its type decided by its first bytes
 * (PDF, PNG, JPEG, GIF, WebP) and compared with the name and declared type: a renamed or disguised file is
 * refused before anything is stored.
 */
@Service
public class AttachmentService {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private final ReactiveGridFsTemplate files;
    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy policy;
    private final AnnouncementManagement management;
    private final FeedService feed;

    AttachmentService(ReactiveGridFsTemplate files, ReactiveMongoTemplate mongo, AccessPolicy policy,
                      AnnouncementManagement management, FeedService feed) {
        this.files = files;
        this.mongo = mongo;
        this.policy = policy;
        this.management = management;
        this.feed = feed;
    }

    public record Download(Attachment attachment, Flux<DataBuffer> content) {
    }

    public Mono<Attachment> upload(CurrentUser user, String announcementId, String filename, String declaredType,
                                   Flux<DataBuffer> body) {
        String name = checkName(filename);
        return policy.accessOf(user)
            .flatMap(access -> management.manageable(access, announcementId))
            .flatMap(announcement -> DataBufferUtils.join(body, MAX_BYTES)
                .onErrorMap(DataBufferLimitException.class, tooBig -> new Problem(413, "attachment-too-large", "Content too large",
                    "Attachments may be at most 10 MB. Compress the file or link to it instead.").with("field", "body"))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .switchIfEmpty(Mono.error(() -> Problem.badRequest("validation", "The file is empty.").with("field", "body")))
                .flatMap(bytes -> {
                    FileType type = checkType(name, declaredType, bytes);
                    announcement.requireAttachable(Instant.now());
                    return store(announcementId, name, type, bytes)
                        .flatMap(id -> {
                            Attachment attachment = new Attachment(id, name, type.mediaType, bytes.length);
                            announcement.attach(attachment, Instant.now());
                            return mongo.save(announcement).thenReturn(attachment);
                        });
                }));
    }

    public Mono<Download> download(CurrentUser user, String announcementId, String attachmentId) {
        Mono<java.util.List<Attachment>> attachments = policy.accessOf(user)
            .flatMap(access -> management.manageable(access, announcementId)).map(Announcement::attachments)
            .onErrorResume(Problem.class, notManager -> feed.item(user, announcementId, null).map(FeedItem::attachments));
        return attachments
            .flatMap(list -> Mono.justOrEmpty(list.stream().filter(a -> a.id().equals(attachmentId)).findFirst()))
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Attachment " + attachmentId)))
            .flatMap(attachment -> files.findOne(Query.query(Criteria.where("_id").is(new ObjectId(attachmentId))))
                .flatMap(files::getResource)
                .map(resource -> new Download(attachment, resource.getDownloadStream())));
    }

    private Mono<String> store(String announcementId, String name, FileType type, byte[] bytes) {
        Document metadata = new Document("announcementId", announcementId).append("contentType", type.mediaType);
        Flux<DataBuffer> content = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
        return files.store(content, name, type.mediaType, metadata).map(ObjectId::toHexString);
    }

    static FileType checkType(String name, String declaredType, byte[] bytes) {
        FileType actual = FileType.sniff(bytes).orElseThrow(() -> Problem.badRequest("attachment-type-not-allowed",
                "'" + name + "' is not a PDF, PNG, JPEG, GIF or WebP file (judged by its content). Convert it to PDF first.")
            .with("field", "body"));
        FileType named = FileType.byExtension(name).orElse(null);
        boolean declaredMismatch = declaredType != null && !declaredType.isBlank()
            && !declaredType.startsWith("application/octet-stream")
            && FileType.byMediaType(declaredType.split(";")[0].strip()).map(declared -> declared != actual).orElse(true);
        if (named != actual || declaredMismatch) {
            throw Problem.badRequest("attachment-disguised", "'" + name + "' is really a " + actual.name()
                    + " file but is named or declared as something else. Give it its true extension and type.")
                .with("field", "filename").with("detectedType", actual.mediaType);
        }
        return actual;
    }

    private static String checkName(String filename) {
        if (filename == null || filename.isBlank() || filename.length() > 200 || filename.contains("/") || filename.contains("\\")) {
            throw Problem.badRequest("validation", "Give the file a name (up to 200 characters, no path) in ?filename=.")
                .with("field", "filename");
        }
        return filename.strip();
    }
}
