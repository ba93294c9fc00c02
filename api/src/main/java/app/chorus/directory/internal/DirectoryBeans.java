package app.chorus.directory.internal;

import app.chorus.directory.AudienceResolver;
import app.chorus.directory.internal.store.People;
import app.chorus.directory.internal.store.TrustShapes;

/** Builds the directory's services outside Spring (benchmarks, tools). */
public final class DirectoryBeans {

    private DirectoryBeans() {
    }

    public static AudienceResolver audienceResolver(People people, TrustShapes shapes) {
        return new KeyAudienceResolver(people, shapes);
    }
}
