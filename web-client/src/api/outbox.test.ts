import { ApiError, retryAfter } from './client';
import { outbox, putInOutbox, sendOutbox, type QueuedSurveyAnswers } from './outbox';

const CARER = 'carer.demo';
const answers = (q1: string, queuedAt: string): QueuedSurveyAnswers => ({
  kind: 'survey-answers', surveyId: 'sv-1', unit: 'pup-1', title: 'School lunches', version: 'v1',
  answers: { q1 }, submit: true, key: 'k1', queuedAt,
});
const problem = (type: string) => new ApiError(409, { type: `urn:chorus:problem:${type}`, title: 'Conflict' });

describe('survey answers waiting in a carer’s outbox', () => {
  it('are kept, marked with the reason, when the api refuses them for good, and not sent again', async () => {
    putInOutbox(CARER, answers('no', '2026-12-06T08:00:00Z'));
    let tries = 0;
    const refuse = async () => { tries++; throw problem('survey-closed'); };
    expect(await sendOutbox(CARER, { 'survey-answers': refuse })).toBe(0);
    expect(await sendOutbox(CARER, { 'survey-answers': refuse })).toBe(0);
    expect(tries).toBe(1);
    expect(outbox(CARER)).toEqual([expect.objectContaining({ refused: expect.objectContaining({ status: 409, type: 'urn:chorus:problem:survey-closed' }) })]);
  });

  it('wait for the next try while an earlier try of the same key is still being saved', async () => {
    putInOutbox(CARER, answers('no', '2026-12-06T08:00:00Z'));
    await sendOutbox(CARER, { 'survey-answers': async () => { throw problem('submission-in-progress'); } });
    expect(outbox(CARER)).toEqual([expect.not.objectContaining({ refused: expect.anything() })]);
  });

  it('changed while they were being sent stay, so the newer answers are sent next', async () => {
    putInOutbox(CARER, { ...answers('no', '2026-12-06T08:00:00Z'), submit: false });
    await sendOutbox(CARER, { 'survey-answers': async () => {
      putInOutbox(CARER, { ...answers('yes', '2026-12-06T08:00:05Z'), submit: false }, { replace: true });
    } });
    expect(outbox(CARER)).toEqual([expect.objectContaining({ answers: { q1: 'yes' } })]);
  });
});

describe('how long the api asks a phone to wait (Retry-After)', () => {
  const after = (value: string) => new Response(null, { status: 409, headers: { 'Retry-After': value } });
  const now = Date.parse('2026-12-07T08:00:00Z');

  it('is read in seconds or as a date, and not at all when it is missing or unreadable', () => {
    expect(retryAfter(after('4'), now)).toBe(4);
    expect(retryAfter(after('Mon, 07 Dec 2026 08:00:30 GMT'), now)).toBe(30);
    expect(retryAfter(new Response(null, { status: 409 }), now)).toBeUndefined();
    expect(retryAfter(after('soon'), now)).toBeUndefined();
  });
});
