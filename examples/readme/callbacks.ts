import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { computeCallbackSignature, verifyCallbackSignature } from 'zim-resilience';

const callbackSecret = 'the ServerSecret of your project'; // console: your project > Basic Configurations

// Your endpoint: ZIM callbacks carry signature, timestamp and nonce among their fields.
const endpoint = createServer(async (req, res) => {
  let text = '';
  for await (const chunk of req) text += chunk;
  const body = JSON.parse(text) as { signature: string; timestamp: string; nonce: string; event: string };
  // Checks the SHA-1 signature in constant time, and refuses callbacks more than 300 s old.
  const genuine = verifyCallbackSignature({ ...body, callbackSecret });
  console.log(`${body.event}: ${genuine ? 'genuine' : 'refused'}`);
  res.statusCode = genuine ? 200 : 401;
  res.end();
});
await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/zim-callback`;

// What ZEGO sends, simulated: one signed with the right secret, one with a wrong one.
const timestamp = String(Math.floor(Date.now() / 1000));
const nonce = '123412';
for (const [event, secret] of [
  ['user_login', callbackSecret],
  ['forged', 'a wrong secret'],
] as const) {
  const signature = computeCallbackSignature(secret, timestamp, nonce);
  await fetch(url, { method: 'POST', body: JSON.stringify({ event, timestamp, nonce, signature }) });
}
endpoint.close();
