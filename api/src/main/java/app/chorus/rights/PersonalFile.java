package app.chorus.rights;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

/**
 * A file a subject access archive holds as it is (an attachment the person wrote or received), read when the archive
 * reaches it.
 *
 * @param name    its name inside the archive's folder for its section, unique within that section
 * @param content its bytes, subscribed once
 */
public record PersonalFile(String name, Flux<DataBuffer> content) {
}
