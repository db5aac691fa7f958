/** Small hooks shared by the pages: the document title and loading data from the API. */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, request } from './api';

/** Sets `document.title` to "<title> – Painpath" while the page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title === '' ? 'Painpath' : `${title} – Painpath`;
  }, [title]);
}

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T; etag: string | null };

export interface ApiData<T> {
  state: Loadable<T>;
  /** Fetch again; the current data stays on screen until the new answer arrives. */
  reload: () => void;
  /** Replace the data after a write that returned the fresh record. */
  replace: (data: T, etag?: string | null) => void;
}

function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'unknown', 'Something went wrong. Please try again.');
}

/** GETs `path` (null = do nothing yet) and refetches when the path changes. */
export function useApiData<T>(path: string | null): ApiData<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  const [loadedPath, setLoadedPath] = useState<string | null>(null);

  // A new path means new data: show loading instead of the previous answer.
  if (path !== loadedPath) {
    setLoadedPath(path);
    setState({ status: 'loading' });
  }

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    request<T>('GET', path, { signal: controller.signal }).then(
      ({ data, etag }) => setState({ status: 'ready', data, etag }),
      (err: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(err) });
      },
    );
    return () => controller.abort();
  }, [path, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const replace = useCallback((data: T, etag: string | null = null) => setState({ status: 'ready', data, etag }), []);
  return { state, reload, replace };
}
