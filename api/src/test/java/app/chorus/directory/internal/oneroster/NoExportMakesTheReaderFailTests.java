package app.chorus.directory.internal.oneroster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import app.chorus.directory.RosterFileSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * However an export is damaged (cut short, stray bytes, quotes, line breaks, bytes of another encoding), reading it
 * answers problems or a roster, never an exception (which the api would turn into a 500). Deterministic: a fixed
 * seed picks the damage.
 */
class NoExportMakesTheReaderFailTests {

    private static final List<String> FILES = List.of("manifest.csv", "orgs.csv", "academicSessions.csv", "users.csv",
        "classes.csv", "roles.csv", "enrollments.csv");
    private static final byte[] NASTY = {'"', ',', '\r', '\n', (byte) 0xFF, (byte) 0xC3, (byte) 0xE2, (byte) 0x82, 0, (byte) 0xEF,
        (byte) 0xBB, (byte) 0xBF, ' ', '\t'};

    @Test
    void damagedExportsAreReadIntoProblemsOrARosterWithoutAnException() throws IOException {
        Random random = new Random(24);
        RosterFileSet pristine = RosterFileSet.demoTrust();
        int withProblems = 0;
        for (int round = 0; round < 200; round++) {
            RosterFileSet files = pristine.copy();
            String file = FILES.get(random.nextInt(FILES.size()));
            byte[] bytes = Files.readAllBytes(pristine.dir.resolve(file));
            files.write(file, damage(bytes, random));
            RosterReader.Result[] read = new RosterReader.Result[1];
            assertThatCode(() -> read[0] = new RosterReader(files.dir, rows -> { }).read()).doesNotThrowAnyException();
            if (read[0].problems().isEmpty()) {
                Roster roster = read[0].roster();
                assertThatCode(() -> new RosterDocuments(roster, RosterDocuments.Scope.of(roster)).people().count())
                    .doesNotThrowAnyException();
            } else {
                withProblems++;
                assertThat(read[0].problems()).allSatisfy(p -> assertThat(p.fix()).isNotBlank());
            }
            delete(files.dir);
        }
        assertThat(withProblems).isGreaterThan(100);
    }

    private static byte[] damage(byte[] bytes, Random random) {
        int at = random.nextInt(bytes.length + 1);
        return switch (random.nextInt(4)) {
            case 0 -> java.util.Arrays.copyOf(bytes, at);
            case 1 -> insert(bytes, at, new byte[] {NASTY[random.nextInt(NASTY.length)]});
            case 2 -> {
                byte[] noise = new byte[1 + random.nextInt(8)];
                random.nextBytes(noise);
                yield insert(bytes, at, noise);
            }
            default -> {
                byte[] copy = bytes.clone();
                for (int i = 0; i < 5 && copy.length > 0; i++) {
                    copy[random.nextInt(copy.length)] = NASTY[random.nextInt(NASTY.length)];
                }
                yield copy;
            }
        };
    }

    private static byte[] insert(byte[] bytes, int at, byte[] extra) {
        byte[] out = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(bytes, at, out, at + extra.length, bytes.length - at);
        return out;
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
