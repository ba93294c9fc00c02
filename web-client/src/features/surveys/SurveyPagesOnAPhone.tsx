import { Route, Routes } from 'react-router-dom';
import { useOutbox } from '../../api/useOutbox';
import { AnswerSurveyPage } from './AnswerSurveyPage';
import { SurveysPage } from './SurveysPage';

/** For tests: the surveys pages as a carer's phone runs them, with the outbox sender mounted beside them. */
export function SurveyPagesOnAPhone() {
  useOutbox();
  return (
    <Routes>
      <Route path="/surveys" element={<SurveysPage />} />
      <Route path="/surveys/:id/answer/:unit" element={<AnswerSurveyPage />} />
    </Routes>
  );
}
