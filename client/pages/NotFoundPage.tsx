/** Unknown addresses (and unknown reply ids). */
import { Link } from "react-router";
import { da } from "../i18n/da.js";
import { usePageTitle } from "./Layout.js";

export function NotFoundContent({ message = da.notFound.body }: { message?: string }) {
  return (
    <div className="error-panel">
      <h1 className="error-panel__title">{da.notFound.title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">{da.notFound.back}</Link>
      </p>
    </div>
  );
}

export function NotFoundPage() {
  usePageTitle(da.notFound.title);
  return (
    <main id="indhold" tabIndex={-1} className="page">
      <NotFoundContent />
    </main>
  );
}
