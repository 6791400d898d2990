import type { RouteObject } from 'react-router';
import { ChallengePage } from './ChallengePage.tsx';
import { CheckWording } from './CheckWording.tsx';
import { LanguageSettings, SwitchLanguageRule } from './LanguageSettings.tsx';
import { LanguageStats } from './LanguageStats.tsx';
import { NewLanguageRule } from './NewLanguageRule.tsx';
import { RaiseChallenge } from './RaiseChallenge.tsx';
import { WordingChallenges } from './WordingChallenges.tsx';

/** The language pages, for signed-in people. Which links a person is offered: `navigation.ts`. */
export const languageRoutes: RouteObject[] = [
  { path: '/language/check', element: <CheckWording /> },
  { path: '/language/statistics', element: <LanguageStats /> },
  { path: '/admin/language', element: <LanguageSettings /> },
  { path: '/admin/language/rules/new', element: <NewLanguageRule /> },
  { path: '/admin/language/rules/:id', element: <SwitchLanguageRule /> },
  // Challenge and amend: challenging the wording of a finalised record, and deciding challenges. The
  // pages sit under the record's path below the child, as the API's do (`challenges-api.ts`).
  { path: '/wording-challenges', element: <WordingChallenges /> },
  { path: '/children/:id/notes/:recordId/challenge', element: <RaiseChallenge type="note" /> },
  { path: '/children/:id/notes/:recordId/challenges/:challengeId', element: <ChallengePage type="note" /> },
  { path: '/children/:id/referrals/:recordId/challenge', element: <RaiseChallenge type="referral" /> },
  {
    path: '/children/:id/referrals/:recordId/challenges/:challengeId',
    element: <ChallengePage type="referral" />,
  },
  { path: '/children/:id/assessments/:recordId/challenge', element: <RaiseChallenge type="assessment" /> },
  {
    path: '/children/:id/assessments/:recordId/challenges/:challengeId',
    element: <ChallengePage type="assessment" />,
  },
  { path: '/children/:id/plans/:recordId/challenge', element: <RaiseChallenge type="plan" /> },
  { path: '/children/:id/plans/:recordId/challenges/:challengeId', element: <ChallengePage type="plan" /> },
  // A meeting's shareable minutes about this child.
  { path: '/children/:id/meetings/:recordId/challenge', element: <RaiseChallenge type="minutes" /> },
  {
    path: '/children/:id/meetings/:recordId/challenges/:challengeId',
    element: <ChallengePage type="minutes" />,
  },
];
