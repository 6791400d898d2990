import { useEffect } from 'react';

const SERVICE = 'Lantern';

/**
 * Sets the browser title the GOV.UK way: "Page – Service", prefixed with "Error: " while the page
 * shows errors, so screen reader users hear about them as soon as the page loads.
 */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE}`;
  }, [title, hasErrors]);
}
