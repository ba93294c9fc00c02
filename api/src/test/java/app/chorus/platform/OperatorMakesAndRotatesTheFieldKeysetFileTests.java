package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator makes the field keyset with {@code ./chorus keys new}, rotates it with add, promote and retire (a value
 * sealed at the start reads the same until its key is retired), and a production start without it is refused.
 */
class OperatorMakesAndRotatesTheFieldKeysetFileTests {

    @TempDir
    Path dir;

    @Test
    void eachStepChangesThePrimaryKeyOnlyWhenItShould() throws Exception {
        Path file = dir.resolve("keyset.json");
        assertThat(keys("new", file)).isZero();
        FieldEncryption first = new FieldEncryption(Files.readString(file));
        Object sealed = first.seal("a worry", "test/1/text");
        assertThat(keys("new", file)).as("never overwrites a keyset").isOne();

        assertThat(keys("add", file)).isZero();
        assertThat(new FieldEncryption(Files.readString(file)).primaryKeyId()).isEqualTo(first.primaryKeyId());
        assertThat(keys("promote", file)).isZero();
        FieldEncryption promoted = new FieldEncryption(Files.readString(file));
        assertThat(promoted.primaryKeyId()).isNotEqualTo(first.primaryKeyId());
        assertThat(promoted.open(sealed, "test/1/text")).isEqualTo("a worry");
        assertThat(promoted.underAnOldKey(sealed)).isTrue();
        assertThatThrownBy(() -> promoted.open(sealed, "test/2/text")).as("bound to its place")
            .isInstanceOf(IllegalStateException.class);

        assertThat(keys("retire", file)).isZero();
        assertThat(Files.exists(dir.resolve("keyset.json.previous"))).isTrue();
        assertThatThrownBy(() -> new FieldEncryption(Files.readString(file)).open(sealed, "test/1/text"))
            .hasMessageContaining("key " + first.primaryKeyId());
    }

    @Test
    void productionWithoutTheKeysetIsRefusedAndDevelopmentMakesOneOnce() throws Exception {
        assertThatThrownBy(() -> FieldKeys.load("", true, dir)).hasMessageContaining("CHORUS_FIELD_KEYSET_FILE is not set")
            .hasMessageContaining("./chorus keys new");
        assertThat(dir).isEmptyDirectory();
        String made = FieldKeys.load("", false, dir);
        assertThat(FieldKeys.load(null, false, dir)).isEqualTo(made);
        assertThat(Files.readString(dir.resolve("field-keyset.json"))).isEqualTo(made);
    }

    private static int keys(String step, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return FieldKeysCommand.run(new String[] {step, file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
    }
}
