/**
 * The agency's national overview: the five regions' replies with their state, completeness per
 * item, approvals, the deadline, places offered, and the sealed documents. The submitted
 * replies side by side (and as XLSX) are in comparison.ts.
 */
import { agencyReadsText } from "../../../shared/policy.js";
import { supersededIds } from "../../workflow/supplements.js";
import type { FastifyInstance } from "fastify";
import { REGIONS, municipalitiesOf } from "../../../shared/regions.js";
import { checkCompleteness } from "../../../shared/template/completeness.js";
import type { Store } from "../../storage/types.js";
import type { CollabService } from "../../collab/service.js";
import { forbidden } from "../../errors.js";
import { principalOf } from "../../plugins/auth.js";
import { copenhagenToday } from "../../time.js";
import { SUBMISSION_DEADLINE } from "../../../shared/deadline.js";
import { checkDateOf } from "../../workflow/check-date.js";
import { submittedLate } from "../../../shared/deadline.js";
import { NATIONAL_NEED, nationalCapacity, type CapacityReply } from "../../../shared/capacity.js";
import type { OverviewResponse, OverviewRowDto } from "../../../shared/validation/responses.js";
import { comparisonRoutes } from "./comparison.js";

export type { OverviewRowDto };

export async function overviewRoutes(app: FastifyInstance, deps: { store: Store; collab: CollabService }): Promise<void> {
  const { store, collab } = deps;
  await comparisonRoutes(app, { store });
  app.get("/api/overview", { preHandler: app.requireUser }, async (request): Promise<OverviewResponse> => {
    if (!principalOf(request).agencyAccess) throw forbidden("Det nationale overblik er for Social- og Boligstyrelsen.");
    const today = copenhagenToday();
    const rows: OverviewRowDto[] = [];
    const units: CapacityReply[] = [];
    const documents = await store.listDocuments();
    // A submitted supplerende svar speaks for its region in place of the reply it supplements.
    const superseded = supersededIds(documents);
    for (const document of documents) {
      const content = await collab.readContent(document);
      const report = checkCompleteness(content, { regionId: document.regionId, regions: REGIONS, today: await checkDateOf(store, document) });
      const seal = await store.getSeal(document.id);
      const capacity = content.fields["i1.organisering.kapacitet"];
      const partners = content.fields["i1.organisering.regioner"];
      if (!superseded.has(document.id))
        units.push({
          regionId: document.regionId,
          state: document.state,
          capacity: typeof capacity === "number" ? capacity : null,
          crossRegional: content.fields["i1.organisering.omfang"] === "tvaerregional",
          partners: Array.isArray(partners) ? partners.filter((p): p is string => typeof p === "string") : [],
        });
      const readable = agencyReadsText(document);
      rows.push({
        documentId: document.id,
        regionId: document.regionId,
        regionName: REGIONS.regions.find((r) => r.id === document.regionId)?.name ?? document.regionId,
        state: document.state,
        readable,
        title: document.title,
        supplement: document.supplementsDocumentId !== null,
        superseded: superseded.has(document.id),
        progress: report.progress,
        errors: report.findings.filter((f) => f.severity === "fejl").length,
        approvals: { given: (await store.listApprovals(document.id)).length, total: municipalitiesOf(document.regionId).length },
        capacity: readable && typeof capacity === "number" ? capacity : null,
        sealed: seal
          ? { indholdsHash: seal.indholdsHash, forseglingsHash: seal.forseglingsHash, sealedAt: seal.sealedAt, late: submittedLate(seal.sealedAt) }
          : null,
      });
    }
    // Submitted replies only; what drafts say so far is shown apart; a shared unit counts once.
    const capacity = nationalCapacity(units);
    return {
      today,
      deadline: SUBMISSION_DEADLINE,
      nationalNeed: { ...NATIONAL_NEED },
      nationalCapacity: capacity.submitted,
      draftCapacity: capacity.drafts,
      rows,
    };
  });
}
