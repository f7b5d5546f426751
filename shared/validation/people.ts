/** Request and response shapes of people management and invitations. */
import { z } from "zod";
import { MemberRole } from "../vocabulary.js";

export const InviteBody = z.object({
  name: z.string().trim().min(1, "Skriv personens navn.").max(200, "Navnet er for langt (højst 200 tegn)."),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Skriv personens e-mailadresse.")
    .max(254, "E-mailadressen er for lang.")
    .pipe(z.email("Skriv en gyldig e-mailadresse, fx navn@kommune.dk.")),
  organisationId: z.string().min(1, "Vælg personens organisation.").max(100),
  role: z.enum(MemberRole.options, { error: "Vælg en rolle." }),
});
export type InviteBody = z.infer<typeof InviteBody>;

export const ChangeRoleBody = z.object({ role: MemberRole });

export const MemberParams = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  userId: z.string().uuid(),
});

export const InvitationParams = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  invitationId: z.string().uuid(),
});

export const InvitationTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

export const AcceptInvitationBody = z.object({ password: z.string().min(1).max(1024) });

export interface MemberDto {
  userId: string;
  name: string;
  email: string;
  organisation: { id: string; name: string; kind: string };
  role: z.infer<typeof MemberRole>;
  /** False until the person has set a password from their invitation. */
  active: boolean;
}

export interface PeopleResponse {
  members: MemberDto[];
  invitations: { id: string; email: string; role: z.infer<typeof MemberRole>; createdAt: string; expiresAt: string }[];
  /** True when a mail server sends invitation links (the coordinator never sees them). */
  linksByMail: boolean;
  organisations: { id: string; name: string; kind: string }[];
}

export interface InvitationCreatedResponse {
  /**
   * The single-use link, shown to the coordinator only when no mail server is configured (the
   * demo); otherwise it goes by mail to the invited person alone. Null also when the person
   * already had an account and was added directly.
   */
  link: string | null;
  expiresAt: string | null;
  /** Whether a mail with the link was sent (or, without a mail server, put in the outbox). */
  mailed: boolean;
}

export interface InvitationInfoResponse {
  email: string;
  name: string;
  /** The reply the invitation opens (the page goes there once the password is set). */
  documentId: string;
  documentTitle: string;
  role: z.infer<typeof MemberRole>;
  organisation: string;
}
