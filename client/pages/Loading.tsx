/** "Indlæser…" as a polite status, so screen readers hear that something is on its way. */
import { da } from "../i18n/da.js";

export function Loading({ text = da.app.loading }: { text?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="loading__spinner" aria-hidden="true" />
      {text}
    </p>
  );
}
