import Fastify from 'fastify';
import { computeCallbackSignature, createCallbackReceiver } from 'zim-resilience/callbacks';

const callbackSecret = 'the ServerSecret of your project'; // console: your project > Basic Configurations

const rx = createCallbackReceiver({
  callbackSecret,
  on: { user_action: (e) => console.log(`${e.user_id} is ${['online', 'logged out', 'offline'][e.action]}`) },
});

const app = Fastify();
// Read every body as text: the receiver parses JSON, URL-encoded JSON and form fields itself.
app.removeContentTypeParser('application/json');
app.addContentTypeParser(
  ['application/json', 'application/x-www-form-urlencoded'],
  { parseAs: 'string' },
  (_request, body, done) => done(null, body),
);
app.post('/zim-callback', async (request, reply) => {
  const answer = await rx.handle({ method: request.method, body: request.body as string });
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
});
const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/zim-callback`;

// What ZEGO sends, simulated: a login as form fields, then a stale one (10 minutes old).
async function zego(fields: Record<string, string>, ageSeconds = 0) {
  const timestamp = String(Math.floor(Date.now() / 1000) - ageSeconds);
  const nonce = String(Math.floor(Math.random() * 1e6));
  const signature = computeCallbackSignature(callbackSecret, timestamp, nonce);
  const body = new URLSearchParams({ appid: '1', timestamp, nonce, signature, ...fields }).toString();
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return res.status;
}
const login = {
  event: 'user_action',
  user_id: 'ann',
  action: '0',
  session_id: 's1',
  login_time: '1700000000',
};
console.log(`answered ${await zego(login)}`);
console.log(`answered ${await zego({ ...login, session_id: 's2' }, 600)} (stale)`);
await app.close();
await rx.close();
