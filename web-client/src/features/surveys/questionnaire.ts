import type { Question, Questionnaire } from '../../api/types';

export type Answer = string | number | string[] | undefined;
export type Answers = Record<string, Answer>;
export type QuestionType = NonNullable<Question['type']>;

export const QUESTION_TYPES: QuestionType[] = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'LIKERT', 'RATING', 'NUMBER', 'FREE_TEXT', 'RANKING'];
export const CHOICE_TYPES: QuestionType[] = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'RANKING'];
export const LIKERT_LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

export function questionsOf(questionnaire: Questionnaire | undefined): Question[] {
  return (questionnaire?.sections ?? []).flatMap((section) => section.questions ?? []);
}

/**
 * The same rule the api's engine applies: a question with a display condition shows when the earlier
 * question was answered with one of the listed values (option id; ranking: the first choice; else the value as text).
 */
export function visibleQuestions(questionnaire: Questionnaire | undefined, answers: Answers): Question[] {
  const visible = new Set<string>();
  const all = questionsOf(questionnaire);
  const typeOf = new Map(all.map((q) => [q.id, q.type]));
  return all.filter((question) => {
    const condition = question.showWhen;
    const shown = !condition?.questionId
      || (visible.has(condition.questionId)
        && matches(typeOf.get(condition.questionId), answers[condition.questionId], condition.anyOf ?? []));
    if (shown) visible.add(question.id ?? '');
    return shown;
  });
}

function matches(type: Question['type'], answer: Answer, anyOf: string[]): boolean {
  if (!isAnswered(answer)) return false;
  if (!Array.isArray(answer)) return anyOf.includes(String(answer));
  return type === 'RANKING' ? anyOf.includes(answer[0]) : answer.some((a) => anyOf.includes(a));
}

export function isAnswered(answer: Answer): boolean {
  if (answer === undefined || answer === '') return false;
  return !Array.isArray(answer) || answer.length > 0;
}

/** Only the answers to visible questions are sent: the api rejects answers to hidden ones. */
export function answersToSend(questionnaire: Questionnaire | undefined, answers: Answers): Answers {
  const sent: Answers = {};
  for (const question of visibleQuestions(questionnaire, answers)) {
    const answer = answers[question.id ?? ''];
    if (isAnswered(answer)) sent[question.id!] = answer;
  }
  return sent;
}

/** Which visible required questions still lack an answer (1-based positions among visible questions). */
export function missingRequired(questionnaire: Questionnaire | undefined, answers: Answers): number[] {
  return visibleQuestions(questionnaire, answers)
    .map((question, i) => (question.required && !isAnswered(answers[question.id ?? '']) ? i + 1 : 0))
    .filter(Boolean);
}

/**
 * A fingerprint of the questions as they were when answers were kept on the device (FNV-1a of the questionnaire): the
 * survey may be edited before they are sent, and the page then asks the person to check them.
 */
export function questionnaireVersion(questionnaire: Questionnaire | undefined): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(questionnaire ?? {})) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash.toString(36);
}
