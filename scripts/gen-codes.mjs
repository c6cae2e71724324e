// Regenerates src/codes/zimCodes.ts from spec/return-codes.tsv (a copy of shared/zim/return-codes.tsv).
// The package never reads ../shared at run time; test/codes.test.ts checks the two agree.
//
// Every code gets its category from one of two hand-written tables below, and the script
// fails if a code of the TSV is in neither, in both, or if a table names a code the TSV lacks.
//   SEED:      the 43 codes as designed (DESIGN.md, "Categories"), copied literally.
//   DECISIONS: the other 99 codes, each judged by the same rule, with the reason.
// The rule: success is Code 0; retryable is a server-side failure where the same request
// later may succeed ("try again", "internal error", "server busy", a failed DB or backend
// call); rate-limited is a refusal for call frequency; auth is a refused signature or
// credentials; fatal is everything the caller must change first (parameters, not found,
// already exists, a quantity limit, a permission, a plan, a business decision).
import { readFileSync, writeFileSync } from 'node:fs';

/** @type {Record<string, number[]>} */
const SEED = {
  success: [0],
  retryable: [1, 100000010, 100000011, 100000012, 100000015, 660000001, 660000003, 660600003, 660600006],
  'rate-limited': [7, 660600004, 660600005, 660600007, 660700001],
  auth: [3, 100000002, 100000003, 100000004, 100000005, 100000008, 100000009, 100000013, 100000014],
  fatal: [
    2, 50014, 51102, 100000000, 100000001, 100000006, 100000007, 100000016, 100000017, 660000002, 660000011,
    660300001, 660300002, 660400001, 660500002, 660600001, 660700002, 660700006, 660700007,
  ],
};

/** @type {Record<number, [category: string, why: string]>} */
const DECISIONS = {
  // Named in DESIGN.md.
  105001: ['retryable', 'database request failed: server-side, named retryable in DESIGN.md'],
  660300005: ['rate-limited', 'AppID-level call frequency limit (DESIGN.md)'],
  660300006: ['rate-limited', 'group/room-level call frequency limit (DESIGN.md)'],
  660500003: ['rate-limited', 'SendMessageToAllUsers call frequency limit (DESIGN.md)'],
  660600010: ['rate-limited', 'CreateGroup call frequency limit (DESIGN.md)'],

  // Server-side failures: the same request later may succeed.
  660300007: ['retryable', 'failed to get the room, cause "Internal error"'],
  660500004: ['retryable', 'the server failed to reach text moderation: a backend call, not a verdict'],
  660500006: ['retryable', 'the server failed to reach image moderation: a backend call, not a verdict'],
  660600014: ['retryable', 'server error modifying the owner group list; like seed 660600003'],
  660600015: ['retryable', 'server failed a DB operation; same as 105001'],
  660600022: ['retryable', 'server failed to get a redirect address for media; like seed 100000010'],
  660700013: ['retryable', 'error querying user information, advice is to contact support: server-side'],
  660700016: ['retryable', 'error syncing user information, advice is to contact support: server-side'],
  660700017: ['retryable', 'error updating user information, advice is to contact support: server-side'],
  660800053: [
    'retryable',
    'failed to query the conversation list, advice is to contact support: server-side',
  ],
  660900004: ['retryable', 'error getting call information, advice says "or try again later"'],
  661000005: [
    'retryable',
    'generic "Edit failed" with contact-support advice; the caller-side edit failures have their own codes',
  ],

  // Bad parameters: the request itself must change.
  660000012: ['fatal', 'UserID longer than 32 bytes: a parameter error'],
  660000025: ['fatal', 'IsBase64=1 but the message is not base64: a parameter error'],
  660000026: ['fatal', 'FromUserId does not match the message to recall: a parameter error'],
  660600013: ['fatal', 'group owner user ID is wrong: a parameter error'],
  660600020: ['fatal', 'attribute key/value length invalid: a parameter error'],
  660600021: ['fatal', 'invalid message-sending parameter'],
  660600023: ['fatal', 'message longer than the limit: a parameter error'],
  660600029: ['fatal', 'Role cannot be 1: a parameter error'],
  660600030: ['fatal', 'FromUserId equals ToUserId: a parameter error'],
  660700008: ['fatal', 'error getting user information, cause "Incorrect user ID": a parameter error'],
  660800020: ['fatal', 'FriendInfos contains FromUserId: a parameter error'],
  660800021: ['fatal', 'FriendAlias or Wording too long: a parameter error'],
  660800022: ['fatal', 'duplicate user IDs in the parameters'],
  660800023: ['fatal', 'attribute key not k0..k4: a parameter error'],
  660800024: ['fatal', 'attributes too long in total: a parameter error'],
  660800026: ['fatal', 'invalid friend attribute parameter'],
  660800032: ['fatal', 'duplicate attribute key: a parameter error'],
  660800033: ['fatal', 'UserIds contains FromUserId: a parameter error'],
  660800038: ['fatal', 'cannot block or unblock FromUserId itself: a parameter error'],
  660800046: [
    'fatal',
    'a Timestamp parameter in the future; a body field, not the signature, so re-signing cannot help',
  ],

  // Quantity limits: fewer items or a bigger plan, never the same request again.
  660300015: ['fatal', 'room count exceeds the limit: a quantity limit'],
  660600012: ['fatal', 'group count reached the plan limit: a quantity limit'],
  660600016: ['fatal', 'group member count exceeds the limit: a quantity limit'],
  660600019: ['fatal', 'group attribute count exceeds the limit: a quantity limit'],
  660800019: ['fatal', 'batch size exceeds the limit: a quantity limit'],
  660800028: ['fatal', 'FromUserId reached the friend limit: a quantity limit'],
  660800030: ['fatal', 'do-not-disturb list exceeds its length limit: a quantity limit'],
  660800039: ['fatal', 'input user list exceeds the limit: a quantity limit'],
  660800040: ['fatal', 'blocklist is full: a quantity limit'],
  660800048: ['fatal', 'pinned list exceeds its length limit: a quantity limit'],
  660900007: ['fatal', 'callee list exceeds its length limit: a quantity limit'],

  // Not found, not registered, not a member: the state must change first.
  660200001: ['fatal', 'user ID does not exist or logged out: not found'],
  660000022: ['fatal', 'message not found'],
  660300008: [
    'fatal',
    'room has no users (delayed destruction), advice "No action needed": a state, not a failure',
  ],
  660300012: ['fatal', 'user not in the specified room: not found'],
  660600009: [
    'fatal',
    'failed to get group information, cause "The group may not exist": not found (no "try again")',
  ],
  660600024: ['fatal', 'user not in the group: not found'],
  660700012: ['fatal', 'user does not exist: not found'],
  660700015: ['fatal', 'user not registered: not found'],
  660800001: ['fatal', 'target user of the conversation not registered: not found'],
  660800002: ['fatal', 'conversation does not exist or not among the latest 1000: not found'],
  660800025: ['fatal', 'none of the friends is registered: not found'],
  660800034: ['fatal', 'target user is not a friend: not found'],
  660800044: ['fatal', 'user not in the blocklist: not found'],
  660900003: [
    'fatal',
    'callees not registered; the "try again later" waits for a registration, which backoff will not bring',
  ],
  660900008: ['fatal', 'the call did not invite the operating user: not a participant'],

  // Already done, or too late: repeating the request cannot change the answer.
  660000023: ['fatal', 'message already recalled'],
  660000024: ['fatal', 'recall time limit exceeded'],
  660300014: ['fatal', 'room already exists'],
  660600008: ['fatal', 'user to remove already left the group; "No action needed", but not Code 0'],
  660600011: ['fatal', 'group already exists'],
  660600017: [
    'fatal',
    'the group was created but users failed to join: a retry of CreateGroup would hit "group already exists"',
  ],
  660800027: ['fatal', 'target user is already a friend; "No action needed", but not Code 0'],
  660800037: ['fatal', 'user already blocked; "No action needed", but not Code 0'],
  660800043: ['fatal', 'user already removed from the blocklist; "No action needed", but not Code 0'],
  660800051: ['fatal', 'conversation already do-not-disturb'],
  660800052: ['fatal', 'do-not-disturb already off'],
  660900005: ['fatal', 'the call has ended'],
  660900006: ['fatal', 'the call invitation timed out: a call state, not a server timeout'],
  661000001: ['fatal', 'editable time limit exceeded'],

  // Permissions, plans, moderation and business decisions.
  660000027: ['fatal', 'save-room-messages not enabled: needs the Flagship edition'],
  660000028: ['fatal', 'feature not in the free edition: needs a plan upgrade'],
  660500005: ['fatal', 'text failed moderation: "Do not send this message"'],
  660500007: ['fatal', 'image failed moderation: "Do not send this message"'],
  660500009: [
    'fatal',
    "the user's own backend chose to send silently; not Code 0, and a retry would send again (override to success if wanted)",
  ],
  660500010: ['fatal', "the user's own backend rejected the message"],
  660600032: ['fatal', 'FromUserId lacks group permission: a business permission, not the API signature'],
  660800045: ['fatal', 'the sender is blocked by the recipient'],

  // Partial failures: the response lists per-user results; repeating the same list fails the same way.
  660600033: ['fatal', 'the operation failed for all specified users; advice "Please check UserIds"'],
  660800041: ['fatal', 'blocking failed for all users; the reasons are per user in ErrList SubCode'],
  660800042: ['fatal', 'unblocking failed for all users; the reasons are per user in ErrList SubCode'],

  // Found only on action pages (the TSV's section "action pages").
  660300013: ['fatal', 'a room message asked for receipts: the request must change'],
  660300019: ['fatal', 'group attribute values too long in total: a quantity limit'],
  660400102: ['fatal', 'more than 10 messages in one receipt request: a parameter error'],
  660400103: ['fatal', 'setting group receipts failed, advice is to contact support, not to retry'],
  660400104: ['fatal', 'setting one-to-one receipts failed, advice is to contact support, not to retry'],
  660600028: ['fatal', 'changing the group data failed, advice is to contact support, not to retry'],
  660800054: ['fatal', 'marking every conversation failed, advice is to contact support, not to retry'],
  910001: ['fatal', 'bad parameter (ZIM Audio license)'],
  910002: ['fatal', 'invalid certificate (ZIM Audio license): nothing a retry changes'],
  910003: ['retryable', 'internal service error (ZIM Audio license), advice "try again later"'],
  910004: ['auth', 'wrong authorization in the public parameters (ZIM Audio license): re-sign'],
};

const CATEGORIES = ['success', 'retryable', 'rate-limited', 'auth', 'fatal'];

/** Fails the generation with a message. */
function fail(message) {
  console.error(`gen-codes: ${message}`);
  process.exit(1);
}

// One category per code, from the two tables.
/** @type {Map<number, string>} */
const categoryOf = new Map();
function classify(code, category, table) {
  if (!CATEGORIES.includes(category)) fail(`${table}[${code}] has unknown category "${category}"`);
  if (categoryOf.has(code)) fail(`code ${code} is classified twice (again in ${table})`);
  categoryOf.set(code, category);
}
for (const [category, codes] of Object.entries(SEED))
  for (const code of codes) classify(code, category, 'SEED');
const seedCount = categoryOf.size;
if (seedCount !== 43) fail(`SEED has ${seedCount} codes, DESIGN.md lists 43`);
for (const [code, [category]] of Object.entries(DECISIONS)) classify(Number(code), category, 'DECISIONS');

const tsv = readFileSync(new URL('../spec/return-codes.tsv', import.meta.url), 'utf8');
const [header, ...lines] = tsv.trim().split('\n');
if (header !== 'code\tmeaning\tcause\tadvice\tsection') fail(`unexpected TSV header: ${header}`);
const rows = lines.map((line) => {
  const [code, meaning, cause, advice] = line.split('\t');
  if (!/^\d+$/.test(code ?? '') || !meaning || !cause || !advice) fail(`bad TSV row: ${line}`);
  return { code: Number(code), meaning, cause, advice };
});

const tsvCodes = new Set(rows.map((r) => r.code));
if (tsvCodes.size !== rows.length) fail('the TSV lists a code twice');
const unclassified = rows.filter((r) => !categoryOf.has(r.code)).map((r) => r.code);
if (unclassified.length > 0) fail(`unclassified codes: ${unclassified.join(', ')}`);
const unknown = [...categoryOf.keys()].filter((c) => !tsvCodes.has(c));
if (unknown.length > 0) fail(`classified codes the TSV does not have: ${unknown.join(', ')}`);

/** A string literal the way biome formats it: single quotes unless that needs more escapes. */
function quote(s) {
  if (s.includes("'") && !s.includes('"')) return JSON.stringify(s);
  return `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** One `key: value,` line of an entry, wrapped after the colon as biome does past 110 columns. */
function field(f) {
  const line = `    ${f},`;
  if (line.length <= 110) return `${line}\n`;
  const colon = f.indexOf(': ');
  return `    ${f.slice(0, colon)}:\n      ${f.slice(colon + 2)},\n`;
}

const entries = rows.map(({ code, meaning, cause, advice }) => {
  const fields = [`code: ${code}`, `category: '${categoryOf.get(code)}'`, `meaning: ${quote(meaning)}`];
  if (cause !== '-') fields.push(`cause: ${quote(cause)}`);
  if (advice !== '-') fields.push(`advice: ${quote(advice)}`);
  return `  {\n${fields.map(field).join('')}  },`;
});

const counts = CATEGORIES.map((c) => `${c} ${rows.filter((r) => categoryOf.get(r.code) === c).length}`);
const out = `// Generated by scripts/gen-codes.mjs from spec/return-codes.tsv. Do not edit by hand.
// The categories, and the reason for each one not fixed by DESIGN.md, are in the script.
import type { ZimCodeInfo } from './ZimCodeInfo.js';

/**
 * The ${rows.length} documented ZIM return codes, with the docs' meaning, cause and advice and the
 * category each one calls for (${counts.join(', ')}).
 */
export const ZIM_CODES: readonly ZimCodeInfo[] = [
${entries.join('\n')}
];
`;
writeFileSync(new URL('../src/codes/zimCodes.ts', import.meta.url), out);
console.log(
  `wrote ${rows.length} codes (${seedCount} seed, ${rows.length - seedCount} decided): ${counts.join(', ')}`,
);
