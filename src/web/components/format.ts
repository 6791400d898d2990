const date = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const time = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/** GOV.UK style: "14 March 2026 at 2:35pm" (UK time, whatever the computer's time zone). */
export function formatDateTime(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const clock = time
    .format(when)
    .replace(/\s/g, '')
    .toLowerCase()
    .replace(/:00(am|pm)$/, '$1');
  return `${date.format(when)} at ${clock}`;
}
