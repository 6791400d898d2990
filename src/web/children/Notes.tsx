import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, ButtonLink, LoadFailure, Loading, SummaryList, Tag } from '../components/ui.tsx';
import { RecordChallenges, versionHeading } from '../language/Challenges.tsx';
import type { HistoryVersion } from '../language/challenges-api.ts';
import { type Child, childrenApi, type Note } from './api.ts';
import { formatWhen } from './format.ts';
import { LabelTag, possessive, useChildContext, useFocusHeadingWhenReady } from './record.tsx';
import { type CaseReference, useCaseReference } from './reference.ts';

type NoteVersionWithChallenge = Omit<HistoryVersion, 'amendedByChallenge'> & {
  amendedByChallenge?: HistoryVersion['amendedByChallenge'];
};

export const noteTitle = (note: Note) => `${note.typeName}, ${formatWhen(note.occurredAt)}`;

export function NoteStatus({ note }: { note: Note }) {
  return (
    <span className="lantern-tags">
      {note.status === 'draft' ? <Tag colour="grey">Draft</Tag> : <Tag colour="green">Final</Tag>}
      {note.corrected && <Tag colour="blue">Corrected</Tag>}
      {note.significant && <Tag colour="turquoise">Significant</Tag>}
    </span>
  );
}

export function NotesPage() {
  const { child } = useChildContext();
  const notes = useApiData(() => childrenApi.notes(child.id), [child.id]);
  const base = `/children/${child.id}`;
  return (
    <>
      <h2 className="govuk-heading-m">Case notes</h2>
      <p className="govuk-body">
        Finalised notes you may see, and your own drafts. A finalised note cannot be changed: it can be
        corrected, with a reason, and the original stays.
      </p>
      {child.permissions.addNote && <ButtonLink to={`${base}/notes/new`}>Add a case note</ButtonLink>}
      {notes.state === 'loading' && <Loading />}
      {notes.state === 'failed' && <LoadFailure error={notes.error} />}
      {notes.state === 'loaded' &&
        (notes.data.notes.length === 0 ? (
          <p className="govuk-body">There are no case notes you can see.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              {possessive(child.displayName)} case notes
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Note
                </th>
                <th scope="col" className="govuk-table__header">
                  Written by
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {notes.data.notes.map((note) => (
                <tr key={note.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`${base}/notes/${note.id}`}>
                      {noteTitle(note)}
                    </Link>
                    <span className="govuk-!-display-block lantern-pre-wrap lantern-note-preview">
                      {note.body}
                    </span>
                  </td>
                  <td className="govuk-table__cell">
                    {note.author.name}
                    <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
                      {note.agency.name}
                    </span>
                  </td>
                  <td className="govuk-table__cell">
                    <NoteStatus note={note} />
                    <LabelTag label={note.sensitivity} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}

function useNote() {
  const { id = '', noteId = '' } = useParams();
  const child = useApiData(() => childrenApi.get(id), [id]);
  const note = useApiData(() => childrenApi.note(id, noteId), [id, noteId]);
  const reference = useCaseReference();
  return { id, noteId, child, note, reference };
}

/** A page about one note: loads the child and the note, and says so while they load. */
export function NoteFrame({
  title,
  back,
  children,
}: {
  title: string;
  back?: 'note' | 'notes';
  children(child: Child, note: Note, reference: CaseReference): ReactNode;
}) {
  const { id, noteId, child, note, reference } = useNote();
  const ready = child.state === 'loaded' && note.state === 'loaded' && reference.state === 'loaded';
  useFocusHeadingWhenReady(ready);
  const failure = child.error ?? note.error ?? reference.error;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {back === 'note' ? (
          <BackLink to={`/children/${id}/notes/${noteId}`}>Back to the note</BackLink>
        ) : (
          <BackLink to={`/children/${id}/notes`}>Back to case notes</BackLink>
        )}
        {ready ? (
          children(child.data.child, note.data.note, reference.data)
        ) : (
          <>
            <h1 className="govuk-heading-l">{title}</h1>
            {failure ? <LoadFailure error={failure} /> : <Loading />}
          </>
        )}
      </div>
    </div>
  );
}

export function NotePage() {
  usePageTitle('Case note');
  return (
    <NoteFrame title="Case note">
      {(child, note) => {
        const base = `/children/${child.id}/notes/${note.id}`;
        const versions = note.versions ?? [];
        return (
          <>
            <span className="govuk-caption-l">{child.displayName}</span>
            <h1 className="govuk-heading-l">{noteTitle(note)}</h1>
            <SummaryList
              rows={[
                { key: 'Kind of note', value: note.typeName },
                { key: 'When it happened', value: formatWhen(note.occurredAt) },
                { key: 'Written by', value: `${note.author.name}, ${note.agency.name}` },
                { key: 'Status', value: <NoteStatus note={note} /> },
                ...(note.finalisedAt ? [{ key: 'Finalised', value: formatDateTime(note.finalisedAt) }] : []),
                {
                  key: 'Label',
                  value: note.sensitivity === 'standard' ? 'Standard' : <LabelTag label={note.sensitivity} />,
                },
              ]}
            />
            <h2 className="govuk-heading-m">
              {(versions.at(-1) as NoteVersionWithChallenge | undefined)?.amendedByChallenge
                ? 'The note, as amended'
                : note.corrected
                  ? 'The note, as corrected'
                  : 'The note'}
            </h2>
            <div className="lantern-note-body">
              <p className="govuk-body lantern-pre-wrap">{note.body}</p>
            </div>
            {(note.permissions.edit || note.permissions.finalise || note.permissions.correct) && (
              <div className="govuk-button-group">
                {note.permissions.edit && <ButtonLink to={`${base}/edit`}>Change the draft</ButtonLink>}
                {note.permissions.finalise && (
                  <ButtonLink to={`${base}/finalise`} secondary={note.permissions.edit}>
                    Finalise the note
                  </ButtonLink>
                )}
                {note.permissions.correct && (
                  <ButtonLink to={`${base}/correct`} secondary>
                    Correct the note
                  </ButtonLink>
                )}
              </div>
            )}
            {versions.length > 1 && (
              <>
                <h2 className="govuk-heading-m">History</h2>
                <p className="govuk-body">
                  Every version of the note, the original first. Nothing is deleted.
                </p>
                <ol className="govuk-list lantern-versions">
                  {versions.map((version, index) => {
                    // The server says which versions came from an accepted challenge to the wording.
                    const heading = versionHeading(version as NoteVersionWithChallenge, index);
                    return (
                      <li key={version.version} className="lantern-version">
                        <h3 className="govuk-heading-s">{heading.title}</h3>
                        {heading.detail && <p className="govuk-body">{heading.detail}</p>}
                        <p className="govuk-body lantern-pre-wrap">{version.body}</p>
                      </li>
                    );
                  })}
                </ol>
              </>
            )}
            {note.status === 'final' && (
              <RecordChallenges
                record={{ type: 'note', childId: child.id, recordId: note.id }}
                refreshKey={note.version}
              />
            )}
          </>
        );
      }}
    </NoteFrame>
  );
}
