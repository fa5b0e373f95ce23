/**
 * Child process: the real Rinnalla server (buildApp) on a loopback port, configured from the
 * environment the benchmark passes. Tells the parent its port over IPC.
 */
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/kernel/config.js';
import { openDatabase } from '../src/server/kernel/db/database.js';
import { serveUntilParentLeaves } from './child.js';

const config = loadConfig(process.env);
const db = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize });
const app = await buildApp({ config, db, mailTransport: null, webRoot: '/nonexistent' });
app.addHook('onClose', async () => {
  await db.close();
});
await serveUntilParentLeaves(app);
