import type { RouteObject } from 'react-router';
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
];
