/**
 * Response shapes of the version, rejected-changes and overview routes (server/routes/versions,
 * server/workflow/rejected.ts, server/routes/overview), shared by those routes and the client.
 */
import { z } from "zod";
import type { ProgressKey } from "../template/types.js";
import type { WorkflowState } from "../vocabulary.js";

/** One entry of GET /api/documents/:id/versions (newest first). */
export interface VersionDto {
  id: string;
  documentId: string;
  name: string;
  /** "auto": made by the workflow; "manual": saved by the coordinator. */
  kind: "auto" | "manual";
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  indholdsHash: string;
}

/** GET /api/documents/:id/versions/:versionId: the version as a standalone HTML page. */
export interface VersionViewResponse {
  id: string;
  name: string;
  createdAt: string;
  indholdsHash: string;
  html: string;
}

/** GET /api/documents/:id/versions/:a/compare/:b: word diff per changed field. */
export interface VersionCompareResponse {
  from: { id: string; name: string };
  to: { id: string; name: string };
  changes: { id: string; label: string; parts: { value: string; added?: boolean; removed?: boolean }[] }[];
}

/** GET /api/documents/:id/rejected-changes: the caller's own edits refused after the freeze. */
export interface RejectedChangeDto {
  id: string;
  createdAt: string;
  changes: { id: string; label: string; yourVersion: string }[];
}

export interface OverviewRowDto {
  documentId: string;
  regionId: string;
  regionName: string;
  state: WorkflowState;
  /** The agency may open the text: the reply is submitted, or the region shares its draft. */
  readable: boolean;
  title: string;
  /** A supplerende svar (issue 18, item 5). */
  supplement: boolean;
  /** A submitted supplerende svar took this reply's place. */
  superseded: boolean;
  progress: Record<ProgressKey, { ok: number; total: number }>;
  errors: number;
  approvals: { given: number; total: number };
  /** Women per year the reply offers; null when not stated, or when the agency may not read the text yet. */
  capacity: number | null;
  sealed: { indholdsHash: string; forseglingsHash: string; sealedAt: string; late: boolean } | null;
}

/** GET /api/overview (Social- og Boligstyrelsen only). */
export interface OverviewResponse {
  today: string;
  deadline: string;
  nationalNeed: { min: number; max: number };
  /** Women per year in submitted replies (a unit two regions share counts once). */
  nationalCapacity: number;
  /** Women per year in replies not yet submitted, shown apart. */
  draftCapacity: number;
  rows: OverviewRowDto[];
}

/** What one submitted reply says on the points of the comparison (shared/comparison.ts). Labels are the template's. */
export const ComparisonValuesSchema = z.object({
  omfang: z.string().nullable(),
  /** The other regions of a cross-regional solution, by name. */
  partnere: z.array(z.string()),
  tilknytning: z.string().nullable(),
  pladser: z.number().int().nonnegative().nullable(),
  kapacitet: z.number().int().nonnegative().nullable(),
  samarbejdsaftaleStatus: z.string().nullable(),
  /** YYYY-MM */
  samarbejdsaftale: z.string().nullable(),
  driftsherre: z.string().nullable(),
  finansieringsmodeller: z.array(z.string()),
  etableringKr: z.number().int().nonnegative().nullable(),
  driftKrPrAar: z.number().int().nonnegative().nullable(),
  /** YYYY-MM */
  driftsstart: z.string().nullable(),
});
export type ComparisonValues = z.infer<typeof ComparisonValuesSchema>;

/** One region's column: its sealed reply's values, or none while it is not submitted. */
export const ComparisonColumnSchema = z.object({
  regionId: z.string(),
  regionName: z.string(),
  documentId: z.string().nullable(),
  sealedAt: z.string().nullable(),
  values: ComparisonValuesSchema.nullable(),
});
export type ComparisonColumnDto = z.infer<typeof ComparisonColumnSchema>;

/** GET /api/overview/comparison (Social- og Boligstyrelsen only): the submitted replies side by side. */
export const ComparisonResponseSchema = z.object({
  nationalNeed: z.object({ min: z.number(), max: z.number() }),
  /** Women per year in the submitted replies (a unit two regions share counts once). */
  nationalCapacity: z.number(),
  submittedCount: z.number().int().nonnegative(),
  columns: z.array(ComparisonColumnSchema),
});
export type ComparisonResponse = z.infer<typeof ComparisonResponseSchema>;
