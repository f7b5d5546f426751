/** Placeholder: accepting an invitation and setting a password (being built). */
export function InvitationPage() {
  return <p>Kommer snart.</p>;
}
