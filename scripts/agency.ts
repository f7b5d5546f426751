/**
 * `npm run agency -- grant <e-mail> "<name>"` and `npm run agency -- revoke <e-mail>`: the only
 * way to give or take back read access to every region's reply (Social- og Boligstyrelsen).
 * A revoked person's sessions end; running servers close their sockets within seconds.
 */
import { userInfo } from "node:os";
import { loadConfig } from "../server/config.js";
import { openStore } from "../server/storage/index.js";
import { grantAgencyAccess, revokeAgencyAccess } from "../server/access/agency-grants.js";

const [command, email, name] = process.argv.slice(2);
if ((command !== "grant" && command !== "revoke") || !email || (command === "grant" && !name)) {
  console.error('Brug: npm run agency -- grant <e-mail> "<navn>"  |  npm run agency -- revoke <e-mail>');
  process.exit(2);
}
const operator = process.env.OPERATOR ?? userInfo().username;
const config = loadConfig();
const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  if (command === "grant") {
    const { user, createdWithPassword } = await grantAgencyAccess(store, { email, name: name!, operator });
    console.log(`${user.email} kan nu læse alle regioners svar.`);
    if (createdWithPassword) console.log(`Kontoen er oprettet. Engangsadgangskode (vises kun nu): ${createdWithPassword}`);
  } else {
    const { revoked, sessions } = await revokeAgencyAccess(store, { email, operator });
    console.log(revoked ? `Adgangen er trukket tilbage; ${sessions.length} sessioner er afsluttet.` : `${email} havde ingen aktiv adgang.`);
  }
} catch (error) {
  console.error(`Fejl: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
