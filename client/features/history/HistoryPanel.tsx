/** Placeholder: the HistoryPanel of the reply page (being built). */
export function HistoryPanel() {
  return <p className="panel-empty">Kommer snart.</p>;
}
