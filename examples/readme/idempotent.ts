import { createZimClient, isZimApiError, type ZimParams, ZimTransportError } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const server = await startMockZimServer({ users: ['ann', 'bob'] });
const zim = createZimClient({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
  // With your own GroupId, a second CreateGroup cannot make a second group: safe to send again.
  idempotent: { CreateGroup: true },
});

// The server creates the group, then the connection drops before the answer.
server.script('CreateGroup', ['resetAfterCommit']);
try {
  await zim.call('CreateGroup', { GroupOwner: 'ann', GroupId: 'g1', GroupName: 'G' });
} catch (error) {
  // The retry found the group there (660600011, "already exists"): the first attempt had done it.
  if (!(isZimApiError(error) && error.code === 660600011)) throw error;
  console.log(`CreateGroup: the group exists after ${error.attempts} attempts`);
}

// SendPeerMessage is not idempotent: a second send is a second message, so it is not resent.
server.script('SendPeerMessage', ['resetAfterCommit']);
const message: ZimParams<'SendPeerMessage'> = {
  FromUserId: 'ann',
  ToUserId: ['bob'],
  MessageType: 1,
  Priority: 1,
  MessageBody: { Message: 'hi' },
};
const error = await zim.call('SendPeerMessage', message).catch((e: unknown) => e);
if (!(error instanceof ZimTransportError && error.mayHaveCommitted)) throw error;
console.log(`SendPeerMessage: mayHaveCommitted, ${server.state.messages.length} message recorded`);

await zim.close();
await server.close();
