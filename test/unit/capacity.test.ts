/** The national capacity: submitted replies only, drafts apart, a unit shared by two regions once (issue 18, item 2). */
import { describe, expect, it } from "vitest";
import { nationalCapacity, type CapacityReply } from "../../shared/capacity.js";

const reply = (regionId: string, state: CapacityReply["state"], capacity: number | null, partners: string[] = []): CapacityReply => ({
  regionId,
  state,
  capacity,
  crossRegional: partners.length > 0,
  partners,
});

describe("national capacity", () => {
  it("counts submitted replies, and drafts apart", () => {
    expect(
      nationalCapacity([
        reply("nordjylland", "indsendt", 12),
        reply("midtjylland", "udkast", 20),
        reply("syddanmark", "godkendt", 15),
        reply("sjaelland", "indsendt", null),
      ]),
    ).toEqual({
      submitted: 12,
      drafts: 35,
    });
  });

  it("counts a unit two regions share once, submitted when either reply is", () => {
    const shared = [
      reply("nordjylland", "indsendt", 30, ["midtjylland"]),
      reply("midtjylland", "indsendt", 30, ["nordjylland"]),
      reply("hovedstaden", "indsendt", 25),
    ];
    expect(nationalCapacity(shared)).toEqual({ submitted: 55, drafts: 0 });
    expect(nationalCapacity([reply("nordjylland", "indsendt", 30, ["midtjylland"]), reply("midtjylland", "udkast", 30, ["nordjylland"])])).toEqual({
      submitted: 30,
      drafts: 0,
    });
  });

  it("keeps units apart when only one reply names the other", () => {
    expect(nationalCapacity([reply("nordjylland", "indsendt", 30, ["midtjylland"]), reply("midtjylland", "indsendt", 10)])).toEqual({
      submitted: 40,
      drafts: 0,
    });
  });
});
