import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { computeCallbackSignature, createCallbackReceiver } from 'zim-resilience/callbacks';

const callbackSecret = 'the ServerSecret of your project'; // console: your project > Basic Configurations

const rx = createCallbackReceiver({
  callbackSecret,
  on: {
    send_msg: (e) => console.log(`send_msg ${e.msg_id} from ${e.from_user_id}: ${e.msg_body}`),
    // Answered within beforeSendTimeoutMs (2 s); a slow or failing handler gets { result: 0 }.
    before_send_msg: (e) =>
      (e.msg_body ?? '').includes('spam') ? { result: 3, reason: 'spam' } : { result: 1 },
  },
  hooks: {
    duplicate: (e) => console.log(`duplicate ${e.event}: not handled again`),
    refused: (e) => console.log(`refused: ${e.reason} (${e.status})`),
  },
});
const server = createServer(rx.node);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zim-callback`;

// What ZEGO sends, simulated: a message, its redelivery, a forged one, a moderation request.
async function zego(fields: Record<string, unknown>, secret = callbackSecret) {
  const timestamp = Math.floor(Date.now() / 1000);
  const nonce = String(Math.floor(Math.random() * 1e6));
  const signature = computeCallbackSignature(secret, timestamp, nonce);
  const body = JSON.stringify({ appid: '1', timestamp, nonce, signature, ...fields });
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return `${res.status} ${await res.text()}`;
}
const message = {
  event: 'send_msg',
  msg_id: '42',
  from_user_id: 'ann',
  conv_type: 0,
  conv_id: 'bob',
  msg_body: '100% done',
};
console.log(await zego(message));
console.log(await zego(message)); // ZEGO redelivers when it saw no 2xx in time
console.log(await zego(message, 'a forged secret'));
console.log(
  await zego({ event: 'before_send_msg', request_id: 'r1', from_user_id: 'ann', msg_body: 'buy spam' }),
);
server.close();
await rx.close();
