/**
 * The transport floor for the CDS bench (bench/cds.bench.ts): a Fastify server that does nothing but what
 * every CDS call costs before Painpath's own work begins and after it ends. It reads and parses the JSON
 * body with Fastify's default parser (the one the real server uses) and answers with a fixed JSON text of
 * the real answer's size, so the same load against it shows the latency of HTTP, JSON and the socket alone
 * on this machine. It is a measuring stick, never part of the product.
 *
 * `node --import tsx bench/floor-server.ts <answer.json>`; prints "floor server at http://127.0.0.1:<port>".
 */
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

const answerFile = process.argv[2];
if (answerFile === undefined) throw new Error('usage: floor-server.ts <answer.json>');
const answer = readFileSync(answerFile, 'utf8');
const app = Fastify({ bodyLimit: 1024 * 1024 });
app.post('/floor', async (request, reply) => {
  // Touch the parsed body so the parse cannot be skipped, then send the fixed answer as the real route would.
  if (typeof (request.body as { hook?: unknown }).hook !== 'string') return reply.code(400).send({ error: 'no hook' });
  return reply.type('application/json; charset=utf-8').send(answer);
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`floor server at ${url}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
