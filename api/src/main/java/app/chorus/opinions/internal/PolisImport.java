package app.chorus.opinions.internal;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.identity.CurrentUser;
import app.chorus.moderation.Visibility;
import app.chorus.opinions.ConversationDraft;
import app.chorus.opinions.math.PolisExport;
import app.chorus.opinions.math.PolisExportException;
import app.chorus.shared.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A conversation exported from Polis moved into Chorus: the export is read whole first (a malformed one is refused
 * listing each problem by file and line, nothing written), then its statements, final standing votes and voters are
 * stored and the map is computed by replaying them through the live update path.
 */
@Service
public class PolisImport {

    static final String VOTER_PREFIX = "polis-";
    private final OpinionManagement opinions;
    private final OpinionStore store;
    private final LiveMaps maps;

    PolisImport(OpinionManagement opinions, OpinionStore store, LiveMaps maps) {
        this.opinions = opinions;
        this.store = store;
        this.maps = maps;
    }

    /** Imports the export in {@code folder} (deleted afterwards); answers the new conversation's map. */
    public Mono<Conversation> importFolder(CurrentUser leader, String topic, String schoolId, Path folder) {
        Audience everyone = schoolId == null ? Audience.trust(AudienceRole.values())
            : Audience.schools(Set.of(schoolId), AudienceRole.values());
        return opinions.checked(leader, new ConversationDraft(topic, null, schoolId, everyone, null))
            .flatMap(conversation -> Mono.fromCallable(() -> read(folder)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(export -> store(conversation, export)))
            .doFinally(signal -> delete(folder));
    }

    private record Read(PolisExport export, Map<String, String> texts) {
    }

    private static Read read(Path folder) {
        try {
            return new Read(PolisExport.read(folder), texts(folder.resolve("comments.csv")));
        } catch (PolisExportException e) {
            throw Problem.badRequest("malformed-polis-export", e.problems().size()
                    + " problem(s) in the Polis export: correct them (see 'problems', by file and line) and upload it again.")
                .with("problems", e.problems().stream().map(p -> Map.of("file", p.file(), "line", p.line(),
                    "problem", p.problem())).toList());
        }
    }

    private Mono<Conversation> store(Conversation draft, Read read) {
        Conversation conversation = new Conversation(draft.id(), draft.topic(), null, draft.schoolId(), draft.audience(),
            draft.strict(), draft.createdBy(), draft.createdAt(), read.export().summary().getOrDefault("url", "a Polis export"));
        List<Statement> statements = read.export().statements().stream().map(s -> new Statement(
            conversation.id() + "-" + s.id(), conversation.id(), read.texts().getOrDefault(s.id(), ""), null, true,
            s.moderatedOut() ? Visibility.REMOVED : Visibility.SHOWN, Instant.ofEpochMilli(s.createdAt()), s.createdAt())).toList();
        Map<String, StoredVote> standing = new LinkedHashMap<>();
        read.export().votes().stream().sorted(java.util.Comparator.comparingLong(PolisExport.TimedVote::at)).forEach(timed -> {
            String person = VOTER_PREFIX + timed.vote().participant();
            String statement = conversation.id() + "-" + timed.vote().statement();
            String key = StoredVote.key(conversation.id(), person, statement);
            standing.put(key, new StoredVote(key, conversation.id(), person, statement, timed.vote().value(), timed.at()));
        });
        Map<String, Participant> participants = new HashMap<>();
        standing.values().forEach(vote -> participants.computeIfAbsent(vote.participantId(), person -> new Participant(
            conversation.id() + ":" + person, conversation.id(), person, conversation.schoolId(), "imported")));
        return store.insert(conversation)
            .then(store.insertAll(statements, Statement.COLLECTION))
            .then(store.insertAll(participants.values(), Participant.COLLECTION))
            .then(store.insertAll(standing.values(), StoredVote.COLLECTION))
            .then(maps.of(conversation.id()))
            .thenReturn(conversation);
    }

    /** The statements' texts ({@code comment-body}), which the maths does not need. */
    private static Map<String, String> texts(Path comments) {
        Map<String, String> texts = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(comments, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            if (!parser.getHeaderMap().containsKey("comment-body")) {
                return texts;
            }
            for (CSVRecord row : parser) {
                texts.put(row.get("comment-id").trim(), row.get("comment-body"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static void delete(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is removed with the system's temporary files
        }
    }
}
