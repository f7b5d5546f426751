/** Placeholder: the CommentsPanel of the reply page (being built). */
export function CommentsPanel() {
  return <p className="panel-empty">Kommer snart.</p>;
}
