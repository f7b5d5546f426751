/** Placeholder: Social- og Boligstyrelsen's national overview (being built). */
export function OverviewPage() {
  return <p>Kommer snart.</p>;
}
