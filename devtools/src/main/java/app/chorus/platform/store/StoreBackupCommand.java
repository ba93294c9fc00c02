package app.chorus.platform.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code ./chorus backup FILE} and {@code ./chorus restore FILE} for a single-machine install (ADR 0351): an encrypted
 * backup of the embedded store's data folder, taken while the portal runs or not, and its restore into an empty data
 * folder. Both use the store keyset ({@code CHORUS_STORE_KEYSET_FILE}, else the development one in
 * {@code CHORUS_SECRETS_DIR}); the data folder is {@code --data DIR}.
 */
public final class StoreBackupCommand {

    private static final String USAGE = "Usage: ./chorus backup FILE | ./chorus restore FILE (the embedded store's data "
        + "folder is CHORUS_STORE_DIR, its key CHORUS_STORE_KEYSET_FILE; see docs/operations.md)";

    private StoreBackupCommand() {
    }

    public static void main(String[] args) {
        StoreMain.quietLogs();
        System.exit(run(args, System.out, System.getenv(StoreCipher.FILE_ENV)));
    }

    static int run(String[] args, PrintStream out, String keysetFile) {
        if (args.length != 4 || !args[2].equals("--data") || !(args[0].equals("backup") || args[0].equals("restore"))) {
            out.println(USAGE);
            return 2;
        }
        Path file = Path.of(args[1]);
        Path data = Path.of(args[3]);
        try {
            StoreCipher cipher = StoreCipher.load(keysetFile, StoreMain.secretsDir(), data, false);
            if (args[0].equals("backup")) {
                out.println("Backing up " + data.toAbsolutePath() + " ...");
                StoreBackup.Summary summary = StoreBackup.backup(data, cipher, file);
                out.println("Backed up " + summary.documents() + " documents to " + file + " (" + summary.bytes()
                    + " bytes, encrypted with the store keyset " + cipher.source() + "). Keep that keyset with the "
                    + "deployment's secrets, not with the backup: without it the backup cannot be read.");
            } else {
                out.println("Restoring " + file + " into " + data.toAbsolutePath() + " ...");
                StoreBackup.Summary summary = StoreBackup.restore(file, cipher, data);
                out.println("Restored " + summary.documents() + " documents into " + data.toAbsolutePath()
                    + ". Start the portal (./chorus up): the store recovers them.");
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            out.println("The " + args[0] + " did not complete: " + e.getMessage());
            return 1;
        }
    }
}
