import 'govuk-frontend/dist/govuk/govuk-frontend.min.css';
import './lantern.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { router } from './app.tsx';

// GOV.UK Frontend styles some components differently once its JavaScript can run (it must not be
// set from an inline script: the content security policy allows only scripts served by Lantern).
document.body.classList.add('govuk-frontend-supported');

const root = document.getElementById('root');
if (!root) throw new Error('Lantern: the page has no #root element');
createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
