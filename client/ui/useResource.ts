/**
 * The one guarded fetch of the client: loads when mounted and when `deps` change, aborts the
 * request when they change again or the component goes away (a late answer never overwrites a
 * newer one), and keeps the last data while reloading if asked. `reload` fetches again.
 */
import { useCallback, useEffect, useState, type DependencyList } from "react";
import { ApiError } from "../api.js";

export type Resource<T> = { status: "loading" } | { status: "error"; error: ApiError } | { status: "ok"; data: T };

export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  options: { fallbackMessage: string; keepWhileReloading?: boolean },
): { resource: Resource<T>; reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const { fallbackMessage, keepWhileReloading = false } = options;
  useEffect(() => {
    const controller = new AbortController();
    setResource((previous) => (keepWhileReloading && previous.status === "ok" ? previous : { status: "loading" }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: "ok", data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource({ status: "error", error: error instanceof ApiError ? error : new ApiError(0, "unknown", fallbackMessage) });
      },
    );
    return () => controller.abort();
    // `load` is a new function each render; `deps` say when it asks for something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { resource, reload };
}
