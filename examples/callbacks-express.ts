import type { AddressInfo } from 'node:net';
import express from 'express';
import { computeCallbackSignature, createCallbackReceiver } from 'zim-resilience/callbacks';

const callbackSecret = 'the ServerSecret of your project'; // console: your project > Basic Configurations

const rx = createCallbackReceiver({
  callbackSecret,
  on: {
    group_create: (e) =>
      console.log(`group ${e.group_id} created by ${e.operator_account}: ${e.user_ids.join(', ')}`),
    '*': (e) => console.log(`other event: ${e.event}`),
  },
});

const app = express();
// rx.node is the whole route: with or without express.json() before it.
app.post('/zim-callback', express.json(), rx.node);
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zim-callback`;

// What ZEGO sends, simulated (one of its samples sends the timestamp as a string).
async function zego(fields: Record<string, unknown>) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e6));
  const signature = computeCallbackSignature(callbackSecret, timestamp, nonce);
  const body = JSON.stringify({ appid: '1', timestamp, nonce, signature, ...fields });
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return res.status;
}
const group = {
  event: 'group_create',
  group_id: 'g1',
  operator_account: 'ann',
  owner_account: 'ann',
  group_name: 'Book club',
  attributes: [],
  user_ids: ['ann', 'bob'],
};
console.log(`answered ${await zego(group)}`);
console.log(`answered ${await zego(group)} (a redelivery: handled once)`);
console.log(`answered ${await zego({ event: 'room_enter', room_id: 'r1', operator_account: 'cy' })}`);
server.close();
await rx.close();
