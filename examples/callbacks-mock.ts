import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createZimClient } from 'zim-resilience';
import { createCallbackReceiver } from 'zim-resilience/callbacks';
import { startMockZimServer } from 'zim-resilience/mock';

// The whole loop without ZEGO: the mock sends the callbacks its state changes cause to your
// receiver, and your handlers call the mock back through the client.
const callbackSecret = 'the ServerSecret of your project'; // console: your project > Basic Configurations
let failOnce = true;
const rx = createCallbackReceiver({
  callbackSecret,
  on: {
    group_create: async (e) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('database down'); // answered 500: the mock redelivers, as ZEGO does
      }
      console.log(`group ${e.group_id} created by ${e.owner_account}: ${e.user_ids.join(', ')}`);
      await zim.call('SendGroupMessage', {
        FromUserId: e.owner_account,
        GroupId: e.group_id,
        MessageType: 1,
        Priority: 1,
        MessageBody: { Message: `welcome to ${e.group_name}` },
      });
    },
    send_msg: (e) => console.log(`send_msg in ${e.conv_id}: ${e.msg_body}`),
    before_send_msg: (e) => ((e.msg_body ?? '').includes('spam') ? { result: 3 } : { result: 1 }),
  },
});
const receiver = createServer(rx.node);
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/zim-callback`;

const server = await startMockZimServer({
  users: ['ann', 'bob'],
  callbackUrl,
  callbackSecret,
  callbackTimeScale: 0.01, // redeliveries 20, 40, 80, 160, 320 ms apart instead of 2 to 32 s
  callbackBeforeSend: true,
});
const zim = createZimClient({ appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url });

await zim.call('CreateGroup', { GroupId: 'crew', GroupName: 'Crew', GroupOwner: 'ann', UserId: ['bob'] });
await server.callbacksSettled();
await server.callbacksSettled(); // and the send_msg the handler's message caused
for (const d of server.callbacks())
  console.log(`${d.event}: ${d.outcome} after ${d.attempts.map((a) => a.status).join(', ')}`);

// A user's client send: before_send_msg first, its verdict applied.
const spam = await server.sendAsClient({
  FromUserId: 'bob',
  ConvType: 2,
  ConvId: 'crew',
  MessageBody: { Message: 'cheap spam' },
});
console.log(`spam sent: ${spam.sent} (verdict ${spam.verdict})`);

await zim.close();
await server.close();
receiver.close();
await rx.close();
