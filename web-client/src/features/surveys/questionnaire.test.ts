import { answersToSend, missingRequired, visibleQuestions } from './questionnaire';
import type { Questionnaire } from '../../api/types';

const survey: Questionnaire = {
  sections: [{
    id: 's1', title: 'Lunch', questions: [
      { id: 'q1', type: 'SINGLE_CHOICE', text: 'Does your child have school lunch?', required: true, options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] },
      { id: 'q2', type: 'LIKERT', text: 'Lunches are healthy', required: true, showWhen: { questionId: 'q1', anyOf: ['yes'] } },
      { id: 'q3', type: 'FREE_TEXT', text: 'Why not?', required: false, showWhen: { questionId: 'q1', anyOf: ['no'] } },
    ],
  }],
};

describe('display conditions', () => {
  it('show a follow-up only for the answer it depends on', () => {
    expect(visibleQuestions(survey, {}).map((q) => q.id)).toEqual(['q1']);
    expect(visibleQuestions(survey, { q1: 'yes' }).map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(visibleQuestions(survey, { q1: 'no' }).map((q) => q.id)).toEqual(['q1', 'q3']);
  });

  it('drop answers to questions that became hidden, so the api does not reject them', () => {
    expect(answersToSend(survey, { q1: 'no', q2: 4, q3: 'Packed lunch' })).toEqual({ q1: 'no', q3: 'Packed lunch' });
  });

  it('count only visible required questions as missing', () => {
    expect(missingRequired(survey, {})).toEqual([1]);
    expect(missingRequired(survey, { q1: 'yes' })).toEqual([2]);
    expect(missingRequired(survey, { q1: 'no' })).toEqual([]);
  });
});
