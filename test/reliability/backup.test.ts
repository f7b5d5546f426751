/**
 * Battery item 19: backup → restore round trip with the real scripts. 100 replies across the five
 * regions, each with content, a comment thread and versions, a quarter left in draft, a quarter
 * frozen with some approvals, a quarter approved by every kommune and a quarter submitted and
 * sealed (PDF and DOCX). `npm run backup -- <file>` runs while the server serves and a client
 * types; `npm run restore -- <file>` restores into an empty data directory. Bar: for 100/100
 * replies the restored content, Yjs state, workflow, versions, approvals, seal (hashes, PDF,
 * DOCX) and comments equal the original, every seal verifies on a server started on the
 * restored directory, and every edit acknowledged before the backup began is in it.
 */
import { createHash, randomUUID } from "node:crypto";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { REGIONS, municipalitiesOf } from "../../shared/regions.js";
import { writeReplyContent } from "../../shared/content/write.js";
import { startServer, tempDataDir, type TestServer } from "../helpers/server.js";
import { login } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { waitFor, sleep } from "../helpers/wait.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { completeReplyContentAsOf } from "../helpers/completeReply.js";
import { requestApproval } from "../../server/workflow/requestApproval.js";
import { approveReply } from "../../server/workflow/approveReply.js";
import { submitReply } from "../../server/workflow/submitReply.js";
import { openStore } from "../../server/storage/index.js";
import type { Store } from "../../server/storage/types.js";
import type { Principal } from "../../server/auth/principal.js";
import { AppError } from "../../server/errors.js";
import { contentHashOf, storedDoc } from "./support/stored.js";
import { connectTypist, tokensOf } from "./support/typist.js";

const run = promisify(execFile);
const DOCUMENTS = 100;
/** Injected pace of the client typing during the backup. */
const TYPE_EVERY_MS = 10;
const data = tempDataDir();
const work = tempDataDir();
const restoredDir = join(work.dir, "restored");
const backupFile = join(work.dir, "regionssvar-backup.sqlite");
let server: TestServer | undefined;
let restoredServer: TestServer | undefined;
afterAll(async () => {
  await server?.close();
  await restoredServer?.close();
  data.remove();
  work.remove();
});

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function principalOf(store: Store, email: string): Promise<Principal> {
  const user = (await store.getUserByEmail(email))!;
  return { user, organisation: (await store.getOrganisation(user.organisationId))!, sessionId: "backup-test", agencyAccess: false };
}

/** Everything the round trip must keep of one reply, as comparable strings. */
async function fingerprint(store: Store, documentId: string): Promise<Record<string, string>> {
  const document = (await store.getDocument(documentId))!;
  const doc = await storedDoc(store, documentId);
  const result: Record<string, string> = {
    content: contentHashOf(doc, document.regionId),
    ystate: sha(Y.encodeStateAsUpdate(doc)),
    state: document.state,
  };
  doc.destroy();
  const workflow = await store.getWorkflow(documentId);
  result.frozen = workflow.frozenVersionId ? `${workflow.frozenVersionId}:${(await store.getVersion(workflow.frozenVersionId))?.indholdsHash}` : "none";
  result.versions = (await store.listVersions(documentId))
    .map((v) => `${v.id}:${v.indholdsHash}`)
    .sort()
    .join(",");
  result.approvals = (await store.listApprovals(documentId))
    .map((a) => `${a.kommunekode}:${a.indholdsHash}:${a.grundlag}`)
    .sort()
    .join(",");
  const seal = await store.getSeal(documentId);
  result.seal = seal ? `${seal.indholdsHash}:${seal.forseglingsHash}:${sha(seal.pdf)}:${sha(seal.docx)}:${sha(Buffer.from(seal.recordJson))}` : "none";
  result.comments = (await store.listMessages(documentId))
    .map((m) => `${m.id}:${m.body}`)
    .sort()
    .join(",");
  return result;
}

describe("backup and restore", () => {
  it(`restores ${DOCUMENTS} replies with comments, approvals and seals, equal state and hashes`, async () => {
    server = await startServer({ dataDir: data.dir });
    const { store, app } = server;
    const regions = REGIONS.regions.map((r) => r.id);
    const coordinators = new Map<string, Principal>();
    const approvers = new Map<string, Principal>();
    for (const regionId of regions) {
      coordinators.set(regionId, await principalOf(store, `koordinator.${regionId}@regionssvar.dk`));
      for (const m of municipalitiesOf(regionId)) {
        const user = {
          id: randomUUID(),
          email: `godkender.${m.code}@test.dk`,
          name: `Godkender ${m.name}`,
          organisationId: `kommune-${m.code}`,
          passwordHash: null,
          createdAt: new Date().toISOString(),
        };
        await store.insertUser(user);
        approvers.set(m.code, { user, organisation: (await store.getOrganisation(user.organisationId))!, sessionId: "backup-test", agencyAccess: false });
      }
    }
    const warningsOf = new Map<string, string[]>();
    const ids: string[] = [];
    for (let n = 0; n < DOCUMENTS; n++) {
      const regionId = regions[n % regions.length]!;
      const id = `arkiv-${n}`;
      ids.push(id);
      const now = new Date().toISOString();
      await store.insertDocument({
        id,
        regionId,
        title: `Arkivsvar ${n}`,
        templateId: "sbst-fornyet-behandling-2025",
        templateVersion: 1,
        state: "udkast",
        createdAt: now,
        updatedAt: now,
      });
      const coordinator = coordinators.get(regionId)!;
      await store.upsertMembership({ documentId: id, userId: coordinator.user.id, role: "koordinator" });
      for (const m of municipalitiesOf(regionId)) await store.upsertMembership({ documentId: id, userId: approvers.get(m.code)!.user.id, role: "redaktoer" });
      await app.collab.applyServerChange(id, (doc) => {
        writeReplyContent(doc, completeReplyContentAsOf(regionId));
        appendText(doc, "i1.indsats.tekst", ` Arkivsvar nummer ${n}.`);
      });
      const threadId = randomUUID();
      const at = new Date().toISOString();
      await store.insertThread(
        {
          id: threadId,
          documentId: id,
          blockId: null,
          quote: "Arkivsvar",
          status: "open",
          createdBy: coordinator.user.id,
          createdAt: at,
          resolvedBy: null,
          resolvedAt: null,
        },
        {
          id: randomUUID(),
          threadId,
          authorId: coordinator.user.id,
          body: `Kommentar til svar ${n}`,
          mentions: [],
          createdAt: at,
          editedAt: null,
          deletedAt: null,
        },
      );
      await store.insertMessage({
        id: randomUUID(),
        threadId,
        authorId: coordinator.user.id,
        body: `Svar på kommentar ${n}`,
        mentions: [],
        createdAt: at,
        editedAt: null,
        deletedAt: null,
      });
      const stage = n % 4; // 0 draft, 1 frozen with some approvals, 2 approved by all, 3 submitted
      if (stage === 0) continue;
      const doc = async () => (await store.getDocument(id))!;
      let indholdsHash: string;
      try {
        ({ indholdsHash } = await requestApproval(store, app.collab, {
          actor: coordinator,
          document: await doc(),
          acknowledgedWarnings: warningsOf.get(regionId) ?? [],
        }));
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "warnings_unacknowledged") throw error;
        warningsOf.set(
          regionId,
          (error.details as { warnings: { ruleId: string }[] }).warnings.map((w) => w.ruleId),
        );
        ({ indholdsHash } = await requestApproval(store, app.collab, {
          actor: coordinator,
          document: await doc(),
          acknowledgedWarnings: warningsOf.get(regionId)!,
        }));
      }
      const kommuner = municipalitiesOf(regionId);
      for (const [i, m] of (stage === 1 ? kommuner.slice(0, 2) : kommuner).entries()) {
        await approveReply(store, app.collab, {
          actor: approvers.get(m.code)!,
          document: await doc(),
          grundlag: `Byrådsbeslutning ${i + 1}.05.2025 (svar ${n})`,
          indholdsHash,
        });
      }
      if (stage === 3) await submitReply(store, app.collab, app.signingKey, { actor: coordinator, document: await doc() });
    }

    // online backup while a client types
    const typist = connectTypist(server, await login(server, "redaktoer.aalborg@regionssvar.dk"), "svar-nordjylland", 0, { field: "i1.indsats.tekst" });
    let typing = true;
    try {
      await waitFor(() => typist.allSaved());
      const loop = (async () => {
        while (typing) {
          typist.type();
          await sleep(TYPE_EVERY_MS);
        }
      })();
      await waitFor(() => typist.acknowledged.size >= 50);
      const acknowledgedBeforeBackup = new Set(typist.acknowledged);
      const env = { ...process.env, DATA_DIR: data.dir, DATABASE_URL: "" };
      const backup = await run("npm", ["run", "--silent", "backup", "--", backupFile], { env });
      typing = false;
      await loop;
      expect(existsSync(backupFile)).toBe(true);

      const restore = await run("npm", ["run", "--silent", "restore", "--", backupFile], { env: { ...env, DATA_DIR: restoredDir } });
      const refused = await run("npm", ["run", "--silent", "restore", "--", backupFile], { env: { ...env, DATA_DIR: restoredDir } }).then(
        () => "restored again",
        (error: { stderr: string }) => error.stderr.trim(),
      );
      expect(refused, "a restore into a data directory that holds a database is refused").toMatch(/ikke tom/);

      const restored = await openStore({ dataDir: restoredDir });
      let equal = 0;
      const differences: string[] = [];
      try {
        for (const id of ids) {
          const [a, b] = [await fingerprint(store, id), await fingerprint(restored, id)];
          const diff = Object.keys(a).filter((k) => a[k] !== b[k]);
          if (diff.length === 0) equal++;
          else differences.push(`${id}: ${diff.join(", ")}`);
        }
        const typed = await storedDoc(restored, "svar-nordjylland");
        const inBackup = new Set(tokensOf(fieldText(typed, "i1.indsats.tekst")));
        typed.destroy();
        const missingFromBackup = [...acknowledgedBeforeBackup].filter((t) => !inBackup.has(t));
        expect(missingFromBackup, "edits acknowledged before the backup began").toEqual([]);
      } finally {
        await restored.close();
      }

      // a server on the restored directory verifies every seal
      restoredServer = await startServer({ dataDir: restoredDir });
      const reader = await login(restoredServer, "styrelsen@regionssvar.dk");
      let sealsVerified = 0;
      const sealed = ids.filter((_, n) => n % 4 === 3);
      for (const id of sealed) {
        const final = await callApi(restoredServer, reader, "GET", `/api/documents/${id}/final`);
        if (final.status === 200 && final.body.verification.indholdsHash === true && final.body.verification.forseglingsHash === true) sealsVerified++;
      }
      console.log(
        `backup/restore: ${equal}/${DOCUMENTS} replies equal (content and Yjs state, workflow, versions, approvals, seal hashes, PDF, DOCX, comments), ` +
          `${sealsVerified}/${sealed.length} seals verified on the restored server, backup taken while a client typed. ` +
          `backup: ${backup.stdout.trim()} | restore: ${restore.stdout.trim()}`,
      );
      expect(differences).toEqual([]);
      expect(equal).toBe(DOCUMENTS);
      expect(sealsVerified).toBe(sealed.length);
    } finally {
      typing = false;
      typist.destroy();
    }
  }, 300_000);
});
