import { type DependencyList, useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'loaded'; data: T; error?: undefined }
  | { state: 'failed'; data?: undefined; error: unknown };

/** Loads data for a page; `reload` fetches it again after a change. */
export function useApiData<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> & { reload(): void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on
  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => {
        if (!cancelled) setResult({ state: 'loaded', data });
      },
      (error: unknown) => {
        if (!cancelled) setResult({ state: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...result, reload };
}
