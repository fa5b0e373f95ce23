/**
 * Child process: the floor. A bare Fastify app with no plugins: `GET /bare` answers `{ ok: true }`,
 * `GET /bare-query` runs one primary-key lookup on its own pg.Pool (same size as the server's).
 */
import Fastify from 'fastify';
import pg from 'pg';
import { serveUntilParentLeaves } from './child.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
pool.on('error', () => {});
const { rows } = await pool.query<{ id: string }>('select id from users order by md5(id::text) limit 1000');
const ids = rows.map((r) => r.id);
if (ids.length === 0) throw new Error('no users to look up');
let next = 0;

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true }));
app.get('/bare-query', async (_req, reply) => {
  const id = ids[next++ % ids.length];
  const found = await pool.query<{ id: string; name: string }>('select id, name from users where id = $1', [id]);
  const row = found.rows[0];
  return row ? row : reply.status(404).send({ error: 'not found' });
});
app.addHook('onClose', async () => {
  await pool.end();
});
await serveUntilParentLeaves(app);
