import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const server = await startMockZimServer({ users: ['ann', 'bob'] });
const zim = createZimClient({ appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url });

// The action name, its parameters and its answer are typed from ZEGO's API documents.
const sent = await zim.call('SendPeerMessage', {
  FromUserId: 'ann',
  ToUserId: ['bob', 'cy'],
  MessageType: 1,
  Priority: 1, // required by the documents: 1, 2 or 3
  MessageBody: { Message: 'hi' },
});
for (const { UserId, MsgSeq } of sent.SuccList ?? []) console.log('sent to', UserId, 'as MsgSeq', MsgSeq);
for (const { UserId, SubCode } of sent.ErrorList ?? [])
  console.log('not sent to', UserId, 'SubCode', SubCode);

await zim.close();
await server.close();
