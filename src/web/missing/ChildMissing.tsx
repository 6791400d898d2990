/**
 * The missing episodes section of a child's record: the pattern (chart and table), each episode with its
 * return and interview clock, and the places and people named, waiting to be linked to context records.
 */
import { Link } from 'react-router';
import { useChildContext } from '../children/record.tsx';
import { useApiData } from '../components/data.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page.ts';
import { ButtonLink, LoadFailure, Loading, Table } from '../components/ui.tsx';
import type { ChildMissing, Mention } from './api.ts';
import { missingApi } from './api.ts';
import { MentionValue } from './ContextLinks.tsx';
import { formatDuration } from './datetime.tsx';
import { EpisodeCard } from './EpisodeCard.tsx';
import { PatternChart } from './PatternChart.tsx';
import './missing.css';

const ROLE_NAMES: Record<Mention['role'], string> = {
  found_at: 'Found here',
  found_with: 'Found with',
  was_at: 'Was here while missing',
  was_with: 'Was with them while missing',
};

function PatternSection({ data }: { data: ChildMissing }) {
  const { pattern } = data;
  const numbers = new Map(pattern.timeline.map((t, i) => [t.episodeId, i + 1]));
  return (
    <section aria-labelledby="missing-pattern">
      <h2 className="govuk-heading-m" id="missing-pattern">
        Pattern of episodes
      </h2>
      <PatternChart pattern={pattern} now={Date.now()} />
      <Table
        caption="Every episode, oldest first (UK time)"
        captionClassName="govuk-table__caption--s"
        columns={[
          { heading: 'Episode' },
          { heading: 'Reported missing' },
          { heading: 'Found or returned' },
          { heading: 'Missing for' },
          { heading: 'Where found' },
        ]}
        rows={pattern.timeline.map((t) => ({
          key: t.episodeId,
          cells: [
            String(numbers.get(t.episodeId) ?? ''),
            formatDateTime(t.reportedAt),
            t.returnedAt ? formatDateTime(t.returnedAt) : 'Not yet',
            t.durationMs === null ? 'Still missing' : formatDuration(t.durationMs),
            t.whereFound ?? (t.returnedAt ? 'Not recorded' : ''),
          ],
        }))}
      />
      {pattern.whereFound.length > 0 && (
        <p className="govuk-body">
          Where found, most often first: {pattern.whereFound.map((w) => `${w.label} (${w.count})`).join('; ')}
          .
        </p>
      )}
    </section>
  );
}

function NetworkSection({ data }: { data: ChildMissing }) {
  const all = [...data.network.places, ...data.network.people];
  if (all.length === 0) return null;
  return (
    <section aria-labelledby="missing-network">
      <h2 className="govuk-heading-m" id="missing-network">
        Places and people named
      </h2>
      <p className="govuk-body">
        From the returns and return interviews. An entry linked to a place or person of concern leads to its
        page in Contexts; one recorded as a link is on the child’s network, with its source and grading.
      </p>
      <Table
        caption="Places and people named"
        captionClassName="govuk-visually-hidden"
        columns={[
          { heading: 'Place or person' },
          { heading: 'How they are connected' },
          { heading: 'Linked' },
        ]}
        rows={all.map((m) => ({
          key: m.id,
          cells: [
            <MentionValue key="what" mention={m} />,
            ROLE_NAMES[m.role],
            m.contextLinkId
              ? 'On the child’s network'
              : m.context
                ? 'Linked to a record'
                : m.requested === 'existing'
                  ? 'Linked to a record you do not have access to'
                  : 'In words only',
          ],
        }))}
      />
    </section>
  );
}

export function ChildMissingPage() {
  const { child } = useChildContext();
  const loaded = useApiData(() => missingApi.child(child.id), [child.id]);
  usePageTitle(`Missing episodes – ${child.displayName}`);
  const data = loaded.data;
  return (
    <>
      <h2 className="govuk-heading-l">Missing episodes</h2>
      <p className="govuk-body">
        A child who goes missing is at risk of harm. Each episode enters the chronology, makes a new risk
        analysis due, and starts the clock for a return interview when the child is found or returns.
      </p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailure error={loaded.error} />}
      {data && (
        <>
          {data.permissions.recordEpisode && (
            <ButtonLink to={`/children/${child.id}/missing/new`}>Record a missing episode</ButtonLink>
          )}
          <p className="govuk-body">
            <Link className="govuk-link" to="/missing/interviews">
              Return interviews due
            </Link>
          </p>
          {data.episodes.length === 0 ? (
            <p className="govuk-body">No missing episodes are recorded for {child.displayName}.</p>
          ) : (
            <>
              <PatternSection data={data} />
              <h2 className="govuk-heading-m">Episodes, most recent first</h2>
              {data.episodes
                .map((episode, index) => ({ episode, number: index + 1 }))
                .reverse()
                .map(({ episode, number }) => (
                  <EpisodeCard
                    key={episode.id}
                    episode={episode}
                    number={number}
                    childName={child.displayName}
                    onLinked={loaded.reload}
                  />
                ))}
              <NetworkSection data={data} />
            </>
          )}
        </>
      )}
    </>
  );
}
