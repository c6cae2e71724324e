// The ZIM server API over HTTPS, with a certificate this machine does not trust: what a
// TLS-inspecting corporate proxy looks like. Untrusted, a call fails at once, nothing sent, and says
// how to fix it; trusted through the dispatcher's `connect: { ca }`, it answers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:tls';
import { Agent } from 'undici';
import { createZimClient, ZimTransportError } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

// A self-signed certificate for 127.0.0.1, as a private CA or a proxy would present (openssl).
const dir = mkdtempSync(join(tmpdir(), 'zim-https-'));
execFileSync(
  'openssl',
  [
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
    ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1'],
    ...['-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1'],
  ],
  { stdio: 'ignore' },
);
const key = readFileSync(join(dir, 'key.pem'), 'utf8');
const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
rmSync(dir, { recursive: true });

// The mock ZIM server behind TLS: each TLS connection is piped to it.
const server = await startMockZimServer({ users: ['ann'] });
const tls = createServer({ key, cert }, (socket) => {
  const plain = connect(server.port, server.host);
  socket.pipe(plain).pipe(socket);
  socket.on('error', () => plain.destroy());
  plain.on('error', () => socket.destroy());
});
tls.on('tlsClientError', () => {}); // the first client refuses the certificate
await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
const baseUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
const { appId, serverSecret } = server;

const untrusted = createZimClient({ appId, serverSecret, baseUrl });
try {
  await untrusted.call('QueryUserInfos', { UserIds: ['ann'] });
} catch (error) {
  if (!(error instanceof ZimTransportError)) throw error;
  const { kind, code, written, fatal } = error.failure;
  console.log(`untrusted: ${kind} ${code}, attempts ${error.attempts}, written: ${written}, fatal: ${fatal}`);
  console.log(error.message);
}
await untrusted.close();

// Trust the certificate (or the CA that signed it) for this client only. For the whole process:
// NODE_EXTRA_CA_CERTS=/path/to/ca.pem node app.js
const agent = new Agent({ connect: { ca: cert } });
const trusted = createZimClient({ appId, serverSecret, baseUrl, dispatcher: agent });
const answer = await trusted.call('QueryUserInfos', { UserIds: ['ann'] });
console.log(`trusted: QueryUserInfos answered Code ${answer.Code} with ${answer.Result?.[0]?.UserId}`);

await trusted.close();
await agent.close();
await new Promise((resolve) => tls.close(resolve));
await server.close();
