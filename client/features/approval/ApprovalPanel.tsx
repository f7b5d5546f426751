/** Placeholder: the ApprovalPanel of the reply page (being built). */
export function ApprovalPanel() {
  return <p className="panel-empty">Kommer snart.</p>;
}
