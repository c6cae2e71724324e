import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const server = await startMockZimServer();
// An action the documents do not have yet: the mock answers what it is scripted to.
server.script('QueryNewThing', [{ body: { Code: 0, Things: ['a', 'b'] } }]);

const zim = createZimClient({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
  customActions: ['QueryNewThing'], // the way out: any parameters, an untyped answer
  limits: { QueryNewThing: { perSecond: 10 } }, // an undocumented action has no limit unless you give one
  idempotent: { QueryNewThing: true },
});

const body = await zim.call('QueryNewThing', { Anything: 1 }, { method: 'GET' }); // POST by default
console.log('QueryNewThing answered Code', body.Code, 'with', body['Things']);

// Plain JavaScript has no compiler to catch a typo: the client refuses it before anything is sent.
await zim.call('QueryNewThng' as 'QueryNewThing').catch((error: Error) => console.log(error.message));

await zim.close();
await server.close();
