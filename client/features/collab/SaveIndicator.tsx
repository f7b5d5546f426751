/**
 * The save state in words (a polite live region) and, after a terminal close, an alert with
 * what the user can do. Text only from the glossary; never colour alone.
 */
import { useEffect, useState } from "react";
import { CloseCode } from "../../../shared/protocol/messages.js";
import { da } from "../../i18n/da.js";
import { computeSaveView, type CollabSnapshot, type SaveView } from "./saveState.js";

/** How long "saved" must hold before it replaces "Gemmer…" (no flicker on every keystroke). */
const SETTLE_MS = 600;

export function useSettledSaveView(snapshot: CollabSnapshot): SaveView {
  const view = computeSaveView(snapshot);
  const [shown, setShown] = useState<SaveView>(view);
  const key = view.kind === "offline" ? `offline:${view.waiting}` : view.kind === "error" ? `error:${view.code}` : view.kind;
  useEffect(() => {
    if (view.kind === "saved" && shown.kind === "saving") {
      const timer = setTimeout(() => setShown(view), SETTLE_MS);
      return () => clearTimeout(timer);
    }
    setShown(view);
    return undefined;
    // `key` captures every change of `view` that matters for the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return shown;
}

export interface TerminalInfo {
  message: string;
  action: "reload" | "signIn" | null;
}

export function terminalInfo(code: number): TerminalInfo {
  const t = da.save.terminal;
  switch (code) {
    case CloseCode.SCHEMA_OUTDATED:
      return { message: t.schemaOutdated, action: "reload" };
    case CloseCode.FORBIDDEN:
      return { message: t.forbidden, action: null };
    case CloseCode.DOCUMENT_FROZEN:
      return { message: t.frozen, action: "reload" };
    case CloseCode.INVALID_CONTENT:
      return { message: t.invalidContent, action: "reload" };
    case CloseCode.DOCUMENT_TOO_LARGE:
      return { message: t.tooLarge, action: "reload" };
    case CloseCode.TOO_MANY_CONNECTIONS:
      return { message: t.tooManyConnections, action: "reload" };
    case CloseCode.UNAUTHENTICATED:
      return { message: t.unauthenticated, action: "signIn" };
    default:
      return { message: t.unknown, action: "reload" };
  }
}

function viewText(view: SaveView): string {
  switch (view.kind) {
    case "connecting":
      return da.save.connecting;
    case "saving":
      return da.save.saving;
    case "saved":
      return da.save.saved;
    case "offline":
      return `${da.save.offline}. ${da.save.waiting(view.waiting)}`;
    case "error":
      return terminalInfo(view.code).message;
  }
}

export function SaveIndicator({ snapshot }: { snapshot: CollabSnapshot }) {
  const view = useSettledSaveView(snapshot);
  return (
    <div className="save-indicator" data-state={view.kind}>
      <span className="save-indicator__icon" aria-hidden="true" />
      <span role="status" aria-live="polite" aria-atomic="true" className="save-indicator__text">
        {viewText(view)}
      </span>
      {!snapshot.saveHealthy && view.kind !== "error" ? <span className="save-indicator__warning">{da.save.unhealthy}</span> : null}
    </div>
  );
}

export function TerminalBanner({ code, pending, onSignIn }: { code: number; pending: number; onSignIn: () => void }) {
  const info = terminalInfo(code);
  return (
    <div className="banner banner--error" role="alert">
      <p className="banner__text">
        {info.message}
        {/* A frozen reply never takes them later: say so, instead of suggesting they wait to be sent. */}
        {pending > 0 ? ` ${code === CloseCode.DOCUMENT_FROZEN ? da.save.notSaved(pending) : da.save.waiting(pending)}` : null}
      </p>
      {info.action === "reload" ? (
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {da.save.reload}
        </button>
      ) : null}
      {info.action === "signIn" ? (
        <button type="button" className="button" onClick={onSignIn}>
          {da.save.signInAgain}
        </button>
      ) : null}
    </div>
  );
}
