package app.chorus.moderation;

import reactor.core.publisher.Mono;

/** What other modules ask of moderation. */
public interface Moderation {

    /**
     * Screens a contribution and records it in the queue where the rules say so. Idempotent per {@link ContributionRef}:
     * the same text again answers the visibility it has; an edited text is screened again (a pupil's edit waits for
     * approval again; an edit never lifts a removal or a safeguarding hold).
     */
    Mono<Visibility> submit(Contribution contribution);

    /**
     * {@link #submit} for a contribution that is new but for a repeat of its submission (a survey's written answer,
     * never edited): tried as a new item first, which saves a read; already there, it is {@link #submit}.
     */
    Mono<Visibility> submitNew(Contribution contribution);

    /** The visibility the rules give a new contribution (what {@link #submit} would answer for it), without storing it. */
    Visibility screened(Contribution contribution);

    /**
     * Someone reports a contribution they can see. One report per person; the third person's report hides it until a
     * moderator reviews it. Fails with 404 when there is no such contribution, 400 when the author reports their own.
     */
    Mono<Visibility> report(ContributionRef ref, String reporterPersonId, String reason);

    /** The visibility now; empty when it was never submitted. */
    Mono<Visibility> visibility(ContributionRef ref);

    /**
     * The owning module erased what was written (its author's data was erased): the item and its text go from the queue.
     * An item holding a safeguarding concern stays, as the safeguarding record.
     */
    Mono<Void> forget(ContributionRef ref);
}
