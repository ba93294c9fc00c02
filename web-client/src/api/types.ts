import type { components } from './schema';

/** Shapes generated from the api's OpenAPI document (openapi/api.json): never written by hand. */
type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type SchoolView = Schemas['SchoolView'];
export type Audience = Schemas['Audience'];
export type CarerToFollowUp = Schemas['CarerToFollowUp'];
export type FeedItem = Schemas['FeedItem'];
export type FeedPage = Schemas['FeedPage'];
export type AnnouncementInput = Schemas['AnnouncementInput'];
export type AnnouncementView = Schemas['AnnouncementView'];
export type ReachReport = Schemas['ReachReport'];
export type ReachPreview = Schemas['ReachPreview'];
export type Priority = NonNullable<AnnouncementInput['priority']>;
export type SurveyDraft = Schemas['SurveyDraft'];
export type SurveyView = Schemas['SurveyView'];
export type Questionnaire = Schemas['Questionnaire'];
export type Question = Schemas['Question'];
export type QuestionResult = Schemas['QuestionResult'];
export type ResultsView = Schemas['ResultsView'];
export type Preferences = Schemas['Preferences'];
export type PreferencesInput = Schemas['PreferencesInput'];
export type QueueEntry = Schemas['QueueEntry'];
export type ConcernEntry = Schemas['ConcernEntry'];
