package app.chorus.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code ./chorus keys new|add|promote|retire FILE}: makes or rotates the field keyset file (a deployment secret).
 * Each change keeps the previous file as {@code FILE.previous}. Rotation: add, deploy everywhere; promote, deploy
 * everywhere (the api re-encrypts old values and logs its progress); retire once it logs nothing left, deploy.
 */
public final class FieldKeysCommand {

    private static final Map<String, UnaryOperator<String>> CHANGES = Map.of(
        "add", FieldKeys::added, "promote", FieldKeys::promoted, "retire", FieldKeys::retired);

    private FieldKeysCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length != 2 || !(args[0].equals("new") || CHANGES.containsKey(args[0]))) {
            out.println("Usage: ./chorus keys new|add|promote|retire FILE (the field keyset or the store keyset, kept with the deployment's secrets)");
            return 2;
        }
        Path file = Path.of(args[1]);
        try {
            if (args[0].equals("new")) {
                if (Files.exists(file)) {
                    out.println(file + " exists already: rotate it with add, promote and retire, or name a new file.");
                    return 1;
                }
                Files.writeString(file, FieldKeys.fresh());
            } else {
                String before = Files.readString(file);
                Files.copy(file, Path.of(file + ".previous"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(file, CHANGES.get(args[0]).apply(before));
            }
            out.println(args[0] + ": " + file + " now has primary key " + new FieldEncryption(Files.readString(file))
                .primaryKeyId() + ". Deploy it where it is read: every api instance for the field keyset (CHORUS_FIELD_KEYSET_FILE), "
                + "the store for the store keyset (CHORUS_STORE_KEYSET_FILE).");
            return 0;
        } catch (IOException | RuntimeException e) {
            out.println("Could not " + args[0] + " the keyset in " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
