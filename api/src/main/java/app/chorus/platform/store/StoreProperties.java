package app.chorus.platform.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MongoDB-wire store, used when no {@code MONGODB_URI} is given.
 *
 * @param host     loopback address it listens on
 * @param port     TCP port (0 = any free port)
 * @param dataDir  where its snapshot and journal live; survives restarts
 * @param database the database the api uses
 * @param fsync    also fsync each acknowledged write (power-loss durability), not only write it to the OS
 */
@ConfigurationProperties("chorus.store")
public record StoreProperties(
    @DefaultValue("127.0.0.1") String host,
    @DefaultValue("27027") int port,
    @DefaultValue(".chorus/data/store") Path dataDir,
    @DefaultValue("chorus") String database,
    @DefaultValue("false") boolean fsync) {
}
