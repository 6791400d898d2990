import type { RouteObject } from 'react-router';
import { ChallengePage, RaiseChallenge, WordingChallenges } from './Challenges.tsx';
import { CheckWording } from './CheckWording.tsx';
import { LanguageSettings, SwitchLanguageRule } from './LanguageSettings.tsx';
import { LanguageStats } from './LanguageStats.tsx';
import { NewLanguageRule } from './NewLanguageRule.tsx';

/** The language pages, for signed-in people. Which links a person is offered: `navigation.ts`. */
export const languageRoutes: RouteObject[] = [
  { path: '/language/check', element: <CheckWording /> },
  { path: '/language/statistics', element: <LanguageStats /> },
  { path: '/admin/language', element: <LanguageSettings /> },
  { path: '/admin/language/rules/new', element: <NewLanguageRule /> },
  { path: '/admin/language/rules/:id', element: <SwitchLanguageRule /> },
  // Challenge and amend: challenging the wording of a finalised case note, and deciding challenges.
  { path: '/wording-challenges', element: <WordingChallenges /> },
  { path: '/children/:id/notes/:noteId/challenge', element: <RaiseChallenge /> },
  { path: '/children/:id/notes/:noteId/challenges/:challengeId', element: <ChallengePage /> },
];
