// undici's own retry interceptor and zimInterceptor on one dispatcher would multiply attempts and
// resend sends that may have committed: keep ZIM calls on a dispatcher of their own.
import { Agent, type Dispatcher, interceptors, request } from 'undici';
import { ZimHttpError, zimInterceptor } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const server = await startMockZimServer({ users: ['ann', 'bob'] });
const zim = zimInterceptor({ appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url });
const zimAgent = new Agent().compose(zim); // ZIM calls: our retries, which know a send from a query
const others = new Agent().compose(interceptors.retry()); // every other host: undici's retry
const stacked = new Agent().compose(zim, interceptors.retry({ methods: ['POST'] })); // what not to do
const send = (dispatcher: Dispatcher) =>
  request(`${server.url}/?Action=SendPeerMessage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      FromUserId: 'ann',
      ToUserId: ['bob'],
      MessageType: 1,
      Priority: 1,
      MessageBody: {},
    }),
    dispatcher,
  });
try {
  // A proxy answers 200 with its own page: the message may have been sent, so it is not sent again.
  server.script('SendPeerMessage', [{ body: '<html>ok</html>' }]);
  const error = await send(zimAgent).catch((e: unknown) => e);
  if (!(error instanceof ZimHttpError)) throw new Error('expected a ZimHttpError');
  const arrivals = server.stats().SendPeerMessage.arrivals;
  console.log(
    `proxy page: ZimHttpError, mayHaveCommitted ${error.mayHaveCommitted}, ${arrivals} arrival, body ${error.bodyPreview}`,
  );

  // Stacked, the call is refused before it is sent.
  const refused = (await send(stacked).catch((e: unknown) => e)) as Error & { code?: string };
  console.log(
    `stacked with interceptors.retry: ${refused.name} ${refused.code}, ${server.stats().SendPeerMessage.arrivals - arrivals} arrivals`,
  );
} finally {
  await Promise.all([zimAgent.close(), others.close(), stacked.close()]);
  await zim.close();
  await server.close();
}
