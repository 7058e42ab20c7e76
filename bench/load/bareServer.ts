import Fastify from 'fastify';

// The floor for bench/load/surge.ts: a bare Fastify handler that parses the same JSON body and
// answers, with no database, session or validation — what the machine and Node give for free.

const app = Fastify({ logger: false });
app.put('/echo', async (request) => ({
  version: ((request.body as { version?: number }).version ?? 0) + 1,
}));
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`listening at ${url}`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
