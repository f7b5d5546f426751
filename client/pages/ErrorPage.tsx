/** Error display: a panel for known errors, and a boundary for unexpected render errors. */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { da } from "../i18n/da.js";

export function ErrorPanel(props: { title: string; message: string; actionLabel?: string; onAction?: () => void; children?: ReactNode }) {
  const { title, message, actionLabel, onAction, children } = props;
  return (
    <div className="error-panel" role="alert">
      <h1 className="error-panel__title">{title}</h1>
      <p>{message}</p>
      {actionLabel && onAction ? (
        <button type="button" className="button" onClick={onAction}>
          {actionLabel}
        </button>
      ) : null}
      {children}
    </div>
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("Uncaught error in the client", error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main id="indhold" className="page">
        <ErrorPanel title={da.errorPage.title} message={da.errors.generic} actionLabel={da.errorPage.reload} onAction={() => window.location.reload()} />
      </main>
    );
  }
}
