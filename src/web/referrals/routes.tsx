import type { RouteObject } from 'react-router';
import { CheckAnswers, ReferralSent } from './CheckAnswers.tsx';
import { AboutTheChild, ChooseMatch } from './ChildSteps.tsx';
import { Consent, KindOfHarm, Prompts, WhatHappened } from './ConcernSteps.tsx';
import { ImmediateDangerQuestion, ReferralFlow, WhatToDoNow } from './NewReferral.tsx';
import { MyReferrals, ReferralPage, ScreeningQueue } from './ReferralPages.tsx';
import { Decision, LinkChild } from './Screening.tsx';

/** Making a referral, hearing back, and screening. Signed-in routes: the app puts them behind sign-in. */
export const referralRoutes: RouteObject[] = [
  { path: '/referrals', element: <MyReferrals /> },
  { path: '/referrals/queue', element: <ScreeningQueue /> },
  {
    path: '/referrals/new',
    element: <ReferralFlow />,
    children: [
      { index: true, element: <ImmediateDangerQuestion /> },
      { path: 'immediate-danger', element: <WhatToDoNow /> },
      { path: 'child', element: <AboutTheChild /> },
      { path: 'matches', element: <ChooseMatch /> },
      { path: 'what-happened', element: <WhatHappened /> },
      { path: 'harm', element: <KindOfHarm /> },
      { path: 'prompts', element: <Prompts /> },
      { path: 'consent', element: <Consent /> },
      { path: 'check', element: <CheckAnswers /> },
      { path: 'sent', element: <ReferralSent /> },
    ],
  },
  { path: '/referrals/:id', element: <ReferralPage /> },
  { path: '/referrals/:id/child', element: <LinkChild /> },
  { path: '/referrals/:id/decision', element: <Decision /> },
];
