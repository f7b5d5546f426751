/**
 * "Personer": everyone with access to the reply (name, organisation, role; "Afventer" until the
 * person has set a password) and the open invitations with their expiry. The koordinator also
 * invites (InviteForm), changes roles (applied at once, also to open sessions) and removes people
 * (after a confirmation). One's own role cannot be changed here: the control is not shown.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { PeopleResponse, MemberDto } from "../../../shared/validation/people.js";
import { peopleApi } from "./peopleApi.js";
import { da } from "../../i18n/da.js";
import { people } from "../../i18n/people.js";
import { Loading } from "../../pages/Loading.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { ConfirmDialog } from "../../ui/Dialog.js";
import { InviteForm } from "./InviteForm.js";
import { InvitationList } from "./InvitationList.js";
import { rolesFor, type MemberRole } from "./roles.js";
import "./people.css";
import { can } from "../../../shared/policy.js";
import { errorMessage } from "../../ui/errors.js";

type Load = { status: "loading" } | { status: "error"; message: string } | { status: "ok"; data: PeopleResponse };
type Notice = { kind: "ok" | "error"; text: string } | null;

export function PeoplePanel() {
  const { document, me, subscribe } = useWorkspace();
  const manage = can(document.role, "manage");
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  /** Roles chosen in a select whose change is still on its way to the server. */
  const [pendingRoles, setPendingRoles] = useState<Record<string, MemberRole>>({});
  const desired = useRef(new Map<string, MemberRole>());
  const running = useRef(new Set<string>());
  const [removing, setRemoving] = useState<{ member: MemberDto; busy: boolean; error: string | null } | null>(null);
  const membersHeading = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  // Someone (maybe in another browser) invited, changed a role or removed a member: refetch.
  useEffect(() => subscribe((event) => (event.type === "people" ? reload() : undefined)), [subscribe, reload]);

  useEffect(() => {
    const controller = new AbortController();
    peopleApi.getPeople(document.id, controller.signal).then(
      (data) => setLoad({ status: "ok", data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // Keep showing the last list when a refresh fails; say so.
        setLoad((current) => (current.status === "ok" ? current : { status: "error", message: errorMessage(error) }));
        setNotice({ kind: "error", text: `${people.panel.loadError} ${errorMessage(error)}` });
      },
    );
    return () => controller.abort();
  }, [document.id, attempt]);

  const setMemberRole = (userId: string, role: MemberRole) =>
    setLoad((current) =>
      current.status === "ok"
        ? { status: "ok", data: { ...current.data, members: current.data.members.map((m) => (m.userId === userId ? { ...m, role } : m)) } }
        : current,
    );

  const clearPending = (userId: string) =>
    setPendingRoles((current) => {
      const { [userId]: _, ...rest } = current;
      return rest;
    });

  /**
   * Applies a role at once. Changes made while one is on its way (e.g. arrow keys through a
   * closed select) are sent one after the other, ending with the last choice.
   */
  const changeRole = async (member: MemberDto, role: MemberRole) => {
    desired.current.set(member.userId, role);
    setPendingRoles((current) => ({ ...current, [member.userId]: role }));
    if (running.current.has(member.userId)) return;
    running.current.add(member.userId);
    let sent: MemberRole | undefined;
    try {
      while (desired.current.get(member.userId) !== sent) {
        const next: MemberRole = desired.current.get(member.userId)!;
        await peopleApi.changeMemberRole(document.id, member.userId, next);
        sent = next;
        setMemberRole(member.userId, next);
      }
      if (sent) setNotice({ kind: "ok", text: people.panel.roleChanged(member.name, da.roles[sent]) });
    } catch (error) {
      setNotice({ kind: "error", text: people.panel.roleChangeFailed(member.name, errorMessage(error)) });
      reload();
    } finally {
      desired.current.delete(member.userId);
      running.current.delete(member.userId);
      clearPending(member.userId);
    }
  };

  const confirmRemove = async () => {
    if (!removing) return;
    const { member } = removing;
    setRemoving({ member, busy: true, error: null });
    try {
      await peopleApi.removeMember(document.id, member.userId);
      setRemoving(null);
      setLoad((current) =>
        current.status === "ok"
          ? { status: "ok", data: { ...current.data, members: current.data.members.filter((m) => m.userId !== member.userId) } }
          : current,
      );
      setNotice({ kind: "ok", text: people.panel.removed(member.name) });
      // The button that opened the dialog is gone: continue from the list's heading.
      requestAnimationFrame(() => membersHeading.current?.focus());
      reload();
    } catch (error) {
      setRemoving({ member, busy: false, error: errorMessage(error) });
    }
  };

  return (
    <section className="panel people" aria-labelledby="people-heading">
      <h2 className="panel__heading" id="people-heading">
        {people.panel.title}
      </h2>
      <p className="people-help">{people.panel.intro}</p>

      {/* Results of actions: present from the start, so screen readers hear what is put in them. */}
      <div className="people-live" role="status" aria-live="polite">
        {notice?.kind === "ok" ? <p className="people-ok">{notice.text}</p> : null}
      </div>
      <div className="people-live" role="alert">
        {notice?.kind === "error" ? <p className="people-error">{notice.text}</p> : null}
      </div>

      {load.status === "loading" ? <Loading text={people.panel.loading} /> : null}
      {load.status === "error" ? (
        <div>
          <button type="button" className="button button--secondary button--small" onClick={reload}>
            {people.panel.retry}
          </button>
        </div>
      ) : null}
      {load.status === "ok" ? (
        <>
          <h3 className="panel__subheading" id="people-members-heading" tabIndex={-1} ref={membersHeading}>
            {people.panel.membersTitle} <span className="count">({people.panel.count(load.data.members.length)})</span>
          </h3>
          {manage ? <p className="people-help">{people.panel.roleChangeNote}</p> : null}
          {load.data.members.length === 0 ? (
            <p className="panel-empty">{people.panel.none}</p>
          ) : (
            <ul className="people-list" aria-labelledby="people-members-heading">
              {load.data.members.map((member) => (
                <MemberRow
                  key={member.userId}
                  member={member}
                  self={member.userId === me.user.id}
                  manage={manage}
                  shownRole={pendingRoles[member.userId] ?? member.role}
                  onRole={(role) => void changeRole(member, role)}
                  onRemove={() => setRemoving({ member, busy: false, error: null })}
                />
              ))}
            </ul>
          )}

          <InvitationList
            documentId={document.id}
            invitations={load.data.invitations}
            manage={manage}
            onChanged={(next) => {
              setNotice(next);
              reload();
            }}
          />

          {manage ? (
            <InviteForm
              documentId={document.id}
              organisations={load.data.organisations}
              onInvited={(text) => {
                setNotice({ kind: "ok", text });
                reload();
              }}
            />
          ) : null}
        </>
      ) : null}

      {manage ? (
        <ConfirmDialog
          tone="danger"
          open={removing !== null}
          title={removing ? people.panel.removeTitle(removing.member.name) : ""}
          confirmLabel={people.panel.removeConfirm}
          busyLabel={people.panel.removing}
          busy={removing?.busy ?? false}
          error={removing?.error ?? null}
          onConfirm={() => void confirmRemove()}
          onCancel={() => setRemoving(null)}
        >
          {removing ? <p>{people.panel.removeBody(removing.member.name, removing.member.organisation.name)}</p> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function MemberRow(props: {
  member: MemberDto;
  self: boolean;
  manage: boolean;
  shownRole: MemberRole;
  onRole: (role: MemberRole) => void;
  onRemove: () => void;
}) {
  const { member, self, manage, shownRole, onRole, onRemove } = props;
  const selectId = `people-role-${member.userId}`;
  const roles = rolesFor(member.organisation.kind);
  // A role held from before the rule (or set directly in the database) stays selectable.
  if (!roles.includes(member.role)) roles.push(member.role);
  return (
    <li className="people-person">
      <div className="people-person__who">
        <span className="people-person__name">
          {member.name}
          {self ? <span className="muted"> {people.panel.you}</span> : null}
        </span>
        <span className="people-person__meta">{member.organisation.name}</span>
        {manage ? <span className="people-person__meta people-person__email">{member.email}</span> : null}
        {!member.active ? (
          <span className="people-person__meta">
            <span className="people-badge">{people.panel.pending}</span> <span className="people-help">{people.panel.pendingHelp}</span>
          </span>
        ) : null}
      </div>
      {manage && !self ? (
        <div className="people-person__controls">
          <label className="people-person__label" htmlFor={selectId}>
            {people.panel.role}
            <span className="visually-hidden"> {people.panel.roleFor(member.name)}</span>
          </label>
          <select id={selectId} className="select people-person__select" value={shownRole} onChange={(e) => onRole(e.target.value as MemberRole)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {da.roles[r]}
              </option>
            ))}
          </select>
          <button type="button" className="button button--secondary button--small" onClick={onRemove} aria-label={people.panel.removeName(member.name)}>
            {people.panel.remove}
          </button>
        </div>
      ) : (
        <span className="people-person__role">{da.roles[member.role]}</span>
      )}
    </li>
  );
}
