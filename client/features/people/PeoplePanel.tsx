/** Placeholder: the PeoplePanel of the reply page (being built). */
export function PeoplePanel() {
  return <p className="panel-empty">Kommer snart.</p>;
}
