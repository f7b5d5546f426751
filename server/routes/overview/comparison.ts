/**
 * The agency's side-by-side comparison of the submitted replies (GET /api/overview/comparison)
 * and the same table as an XLSX file (GET /api/overview/comparison.xlsx). Only the sealed
 * record of a submitted reply is read: a draft's content never reaches the comparison. A
 * region not submitted yet is a column without content.
 */
import { supersededIds } from "../../workflow/supplements.js";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { REGIONS } from "../../../shared/regions.js";
import { NATIONAL_NEED, nationalCapacity, type CapacityReply } from "../../../shared/capacity.js";
import { capacityReplyOf, comparisonValues } from "../../../shared/comparison.js";
import type { ComparisonColumnDto, ComparisonResponse } from "../../../shared/validation/responses.js";
import { SealedRecordSchema } from "../../export/sealed-record.js";
import { decodeJson } from "../../storage/decode.js";
import { comparisonWorkbook } from "../../export/comparison-xlsx.js";
import type { Store } from "../../storage/types.js";
import { forbidden } from "../../errors.js";
import { principalOf } from "../../plugins/auth.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function requireAgency(request: FastifyRequest): void {
  if (!principalOf(request).agencyAccess) throw forbidden("Sammenligningen af svarene er for Social- og Boligstyrelsen.");
}

/** One column per region (in the regions' order), from the sealed records of the submitted replies. */
export async function buildComparison(store: Store): Promise<ComparisonResponse> {
  const documents = await store.listDocuments();
  // A submitted supplerende svar speaks for its region in place of the reply it supplements.
  const superseded = supersededIds(documents);
  const columns: ComparisonColumnDto[] = [];
  const capacities: CapacityReply[] = [];
  for (const region of REGIONS.regions) {
    let column: ComparisonColumnDto = { regionId: region.id, regionName: region.name, documentId: null, sealedAt: null, values: null };
    for (const document of documents.filter((d) => d.regionId === region.id && d.state === "indsendt" && !superseded.has(d.id))) {
      const seal = await store.getSeal(document.id);
      if (!seal) continue;
      const { content } = decodeJson(SealedRecordSchema, seal.recordJson, "seals.record_json");
      column = { ...column, documentId: document.id, sealedAt: seal.sealedAt, values: comparisonValues(content) };
      capacities.push(capacityReplyOf(region.id, content));
      break;
    }
    columns.push(column);
  }
  return {
    nationalNeed: { ...NATIONAL_NEED },
    // Submitted replies only; a unit two regions share counts once.
    nationalCapacity: nationalCapacity(capacities).submitted,
    submittedCount: columns.filter((c) => c.values !== null).length,
    columns,
  };
}

export async function comparisonRoutes(app: FastifyInstance, deps: { store: Store }): Promise<void> {
  const { store } = deps;
  app.get("/api/overview/comparison", { preHandler: app.requireUser }, async (request): Promise<ComparisonResponse> => {
    requireAgency(request);
    return buildComparison(store);
  });

  app.get("/api/overview/comparison.xlsx", { preHandler: app.requireUser }, async (request, reply) => {
    requireAgency(request);
    const file = await comparisonWorkbook(await buildComparison(store));
    return reply
      .type(XLSX_TYPE)
      .header("content-disposition", 'attachment; filename="regionssvar-sammenligning.xlsx"')
      .header("cache-control", "no-store")
      .send(file);
  });
}
