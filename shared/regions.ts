import { z } from "zod";
import rawRegions from "./data/regions.json";

/** Schema of shared/data/regions.json (copied from the project's shared data; validated at import). */
const RegionSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  municipalityCount: z.number().int(),
  coordinatingSecretariat: z.object({ name: z.string(), kkr: z.string(), generic: z.boolean().optional() }),
  familieambulatorium: z.object({
    name: z.string(),
    hospital: z.string().nullable().optional(),
    city: z.string().nullable().optional(),
    uncertain: z.boolean(),
  }),
});
const MunicipalitySchema = z.object({
  code: z.string().regex(/^\d{3}$/),
  name: z.string(),
  officialName: z.string(),
  region: z.string(),
});
export const RegionsDataSchema = z.object({
  regions: z.array(RegionSchema).length(5),
  municipalities: z.array(MunicipalitySchema).length(98),
});
export type Region = z.infer<typeof RegionSchema>;
export type Municipality = z.infer<typeof MunicipalitySchema>;
export type RegionsData = z.infer<typeof RegionsDataSchema>;

export const REGIONS: RegionsData = RegionsDataSchema.parse(rawRegions);

export function findRegion(regionId: string, data: RegionsData = REGIONS): Region | undefined {
  return data.regions.find((r) => r.id === regionId);
}

export function municipalitiesOf(regionId: string, data: RegionsData = REGIONS): Municipality[] {
  return data.municipalities.filter((m) => m.region === regionId);
}

export function findMunicipality(code: string, data: RegionsData = REGIONS): Municipality | undefined {
  return data.municipalities.find((m) => m.code === code);
}
