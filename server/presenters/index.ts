/** Model → JSON for HTTP responses: the rows of storage are shaped here into what the routes return. */
import { findRegion, municipalitiesOf } from "../../shared/regions.js";
import type { DocumentListItemDto, DocumentResponse, DocumentSummaryDto, LinkedReplyDto, MeResponse, OrganisationDto } from "../../shared/validation/api.js";
import type { CompletenessReport } from "../../shared/template/types.js";
import type { Principal } from "../auth/principal.js";
import type { DocumentRole, DocumentRow, OrganisationRow } from "../storage/types.js";
import { SUBMISSION_DEADLINE } from "../../shared/deadline.js";

export function presentOrganisation(o: OrganisationRow): OrganisationDto {
  return { id: o.id, kind: o.kind, name: o.name, regionId: o.regionId, kommunekode: o.kommunekode };
}

export function presentMe(principal: Pick<Principal, "user" | "organisation">, csrfToken: string): MeResponse {
  const { user, organisation } = principal;
  return {
    user: { id: user.id, email: user.email, name: user.name, organisation: presentOrganisation(organisation), hasPassword: user.passwordHash !== null },
    csrfToken,
  };
}

export function presentDocumentSummary(d: DocumentRow, role: DocumentRole): DocumentSummaryDto {
  return {
    id: d.id,
    title: d.title,
    regionId: d.regionId,
    regionName: findRegion(d.regionId)?.name ?? d.regionId,
    state: d.state,
    role,
    updatedAt: d.updatedAt,
  };
}

export function presentDocumentListItem(d: DocumentRow, role: DocumentRole, report: CompletenessReport): DocumentListItemDto {
  const progress = Object.values(report.progress);
  return {
    ...presentDocumentSummary(d, role),
    deadline: SUBMISSION_DEADLINE,
    completeness: {
      met: progress.reduce((sum, p) => sum + p.ok, 0),
      total: progress.reduce((sum, p) => sum + p.total, 0),
      errors: report.findings.filter((f) => f.severity === "fejl").length,
      warnings: report.findings.filter((f) => f.severity === "advarsel").length,
    },
  };
}

/** `checkDate`: the date a frozen reply's completeness is judged at (workflow/check-date.ts); null for a draft, judged today. */
const linked = (d: DocumentRow): LinkedReplyDto => ({ id: d.id, title: d.title, state: d.state });

export function presentDocument(
  d: DocumentRow,
  role: DocumentRole,
  checkDate: string | null,
  links: { supplements: DocumentRow | null; supplementedBy: DocumentRow[] } = { supplements: null, supplementedBy: [] },
): DocumentResponse {
  const region = findRegion(d.regionId);
  return {
    document: {
      ...presentDocumentSummary(d, role),
      templateId: d.templateId,
      templateVersion: d.templateVersion,
      municipalities: municipalitiesOf(d.regionId).map((m) => ({ code: m.code, name: m.name, officialName: m.officialName })),
      familieambulatorium: { name: region?.familieambulatorium.name ?? "", uncertain: region?.familieambulatorium.uncertain ?? true },
      deadline: SUBMISSION_DEADLINE,
      checkDate,
      supplements: links.supplements && linked(links.supplements),
      supplementedBy: links.supplementedBy.map(linked),
    },
  };
}
