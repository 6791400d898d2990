import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { type Child, childrenApi } from '../children/api.ts';
import { useFocusHeadingWhenReady } from '../children/record.tsx';
import { useApiData } from '../components/data.ts';
import { BackLink, LoadFailure, Loading } from '../components/ui.tsx';
import { RECORD_WORDS, recordPagePath } from './challenge-paths.ts';
import type { RecordRef, WordingRecordType } from './challenges-api.ts';

/**
 * The child, when this person may read their record. Someone may read a record about a child without
 * reading the child's whole record (a referrer reading their own referral, a member reading a meeting's
 * minutes): the page then goes without the child's name, rather than failing.
 */
async function childIfReadable(childId: string): Promise<Child | null> {
  try {
    return (await childrenApi.get(childId)).child;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
    throw error;
  }
}

/**
 * A challenge page about one record (`/children/:id/<segment>/:recordId/…`): loads the child and what
 * the page needs from the record, says so while they load, and links back to the record's own page.
 */
export function RecordFrame<T>({
  type,
  title,
  load,
  deps = [],
  children,
}: {
  type: WordingRecordType;
  title: string;
  load(record: RecordRef): Promise<T>;
  /** What else `load` depends on, beyond the record. */
  deps?: unknown[];
  children(loaded: { child: Child | null; data: T; record: RecordRef }): ReactNode;
}) {
  const { id = '', recordId = '' } = useParams();
  const record: RecordRef = { type, childId: id, recordId };
  const loaded = useApiData(async () => {
    const [child, data] = await Promise.all([childIfReadable(id), load(record)]);
    return { child, data };
  }, [type, id, recordId, ...deps]);
  useFocusHeadingWhenReady(loaded.state === 'loaded');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={recordPagePath(record)}>{RECORD_WORDS[type].back}</BackLink>
        {loaded.state === 'loaded' ? (
          children({ child: loaded.data.child, data: loaded.data.data, record })
        ) : (
          <>
            <h1 className="govuk-heading-l">{title}</h1>
            {loaded.state === 'failed' ? <LoadFailure error={loaded.error} /> : <Loading />}
          </>
        )}
      </div>
    </div>
  );
}
