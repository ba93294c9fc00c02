package app.chorus.notifications;

import app.chorus.directory.AudienceMember;
import reactor.core.publisher.Flux;

/**
 * A named group of people another module keeps, for pushes that do not go to an audience of the directory: those
 * who took part in a consultation, a school's safeguarding leads. The owning module declares one bean per group
 * kind; a {@link PushMessage} names {@code kind:key} and the fan-out streams the members when it is planned (and
 * again from its checkpoint after a crash), so the order of {@link #members(String)} must be stable.
 */
public interface RecipientGroup {

    /** The kind this bean answers for, e.g. {@code consultation-participants}. */
    String kind();

    /** The people of the group {@code key} of this kind, in a stable order, with backpressure. */
    Flux<AudienceMember> members(String key);

    static String name(String kind, String key) {
        return kind + ":" + key;
    }

    /** A group of {@code kind} whose members of a key are {@code members.apply(key)}. */
    static RecipientGroup of(String kind, java.util.function.Function<String, Flux<AudienceMember>> members) {
        return new RecipientGroup() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Flux<AudienceMember> members(String key) {
                return members.apply(key);
            }
        };
    }
}
