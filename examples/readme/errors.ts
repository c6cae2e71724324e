import {
  createZimClient,
  isZimApiError,
  isZimError,
  ZimClosedError,
  ZimHttpError,
  type ZimParams,
  ZimQuotaError,
  ZimTransportError,
} from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const server = await startMockZimServer({ users: ['u1', 'u2'] });
const zim = createZimClient({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
  retry: { maxAttempts: 3, minDelayMs: 10 },
  limits: { SendMessageToAllUsers: { dailyQuota: 1 } },
});

// #region readme
/** Makes a call and says how it failed, as a caller would sort the errors. */
async function explain(what: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
    console.log(`${what}: succeeded`);
  } catch (error) {
    if (isZimApiError(error)) {
      // A non-zero Code given up on: fatal at once, or retryable / rate-limited / auth once spent.
      console.log(`${what}: ZimApiError ${error.code} (${error.category}), attempts: ${error.attempts}`);
    } else if (error instanceof ZimHttpError) {
      console.log(`${what}: ZimHttpError ${error.status} (${error.category}), attempts: ${error.attempts}`);
    } else if (error instanceof ZimTransportError) {
      console.log(`${what}: ZimTransportError, mayHaveCommitted ${error.mayHaveCommitted}`);
    } else if (error instanceof ZimQuotaError) {
      console.log(
        `${what}: ZimQuotaError, next call fits in ${Math.round(error.retryAfterMs / 3_600_000)} h`,
      );
    } else if (error instanceof ZimClosedError) {
      console.log(`${what}: ZimClosedError`);
    } else if (isZimError(error)) {
      console.log(`${what}: ${error.name}: ${error.message}`);
    } else throw error;
  }
}
// #endregion readme

const lookup = () => zim.call('QueryUserInfos', { UserIds: ['u1'] });
const message: ZimParams<'SendPeerMessage'> = {
  FromUserId: 'u1',
  ToUserId: ['u2'],
  MessageType: 1,
  Priority: 1,
  MessageBody: { Message: 'hi' },
};

server.script('QueryUserInfos', [{ code: 660000002 }]);
await explain('a fatal code', lookup);
server.script('QueryUserInfos', [{ code: 1 }, { code: 1 }, { code: 1 }]);
await explain('busy three times', lookup);
server.script('QueryUserInfos', [{ http: 502 }, { http: 502 }, { http: 502 }]);
await explain('a proxy error page three times', lookup);
server.script('SendPeerMessage', ['resetAfterCommit']);
await explain('a message, connection lost after writing', () => zim.call('SendPeerMessage', message));
await explain('the 1st broadcast of the day', () => zim.call('SendMessageToAllUsers', message));
await explain('the 2nd broadcast of the day', () => zim.call('SendMessageToAllUsers', message));

const pending = explain('calls pending when the client closes', () =>
  Promise.all([zim.call('QueryAppGroupList'), zim.call('QueryAppGroupList')]),
);
await zim.close();
await pending;
await server.close();
