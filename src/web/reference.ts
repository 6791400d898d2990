import { api, type Option, type Reference } from './api.ts';
import { type Loaded, useApiData } from './components/data.ts';

let cached: Promise<Reference> | null = null;

function loadReference(): Promise<Reference> {
  cached ??= api.reference().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

/** Role and agency type labels, as the server names them. Loaded once per visit. */
export function useReference(): Loaded<Reference> {
  return useApiData(loadReference, []);
}

export function labelFor(options: readonly Option[] | undefined, value: string): string {
  return options?.find((option) => option.value === value)?.label ?? value;
}
