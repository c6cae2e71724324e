import { createServer } from 'node:http';
import { createZimClient } from './src/index.js';
let connections = 0;
const server = createServer((_req, res) => { setTimeout(() => { res.setHeader('content-type', 'application/json'); res.end('{"Code":0,"Message":"success","RequestId":"1","UserInfos":[]}'); }, 2); });
server.on('connection', () => connections++);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as any).port}`;
for (const [label, max, inflight] of [['cap128', 128, 5000], ['unlimited', Infinity, 5000], ['32 in flight', Infinity, 32], ['cap128', 128, 5000]] as const) {
  connections = 0;
  const zim = createZimClient({ appId: 1, serverSecret: 's', baseUrl: url, limits: { QueryUserInfos: false }, maxConnections: max });
  const t0 = performance.now(); let failed = 0; let first: unknown;
  let next = 0;
  const worker = async () => { while (next < 5000) { next++; await zim.call('QueryUserInfos', { UserIds: ['u1'] }).catch((e) => { failed++; first ??= e; }); } };
  await Promise.all(Array.from({ length: inflight }, worker));
  console.log(label, Math.round(performance.now() - t0), 'ms', 'sockets', connections, 'failed', failed, String(first ?? '').slice(0, 200));
  await zim.close();
  server.closeAllConnections();
}
process.exit(0);
