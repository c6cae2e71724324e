/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, ignoring case. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[s.length]![t.length]!;
}

/**
 * Words that name one thing, short or long: the documents themselves say both (`QueryPeerMsg`
 * and `SendPeerMessage`, `DeleteConv` and `QueryConversationList`, `QueryRoomAttribute` and
 * `ModifyGroupAttr`-style guesses), so a name is compared by what its words mean.
 */
const SAME_WORD: Readonly<Record<string, string>> = {
  msg: 'message',
  conv: 'conversation',
  convo: 'conversation',
  attr: 'attribute',
  information: 'info',
  grp: 'group',
  usr: 'user',
  mbr: 'member',
  del: 'delete',
  mod: 'modify',
  blocklist: 'blacklist',
  blacklisted: 'blacklist',
  cnt: 'count',
  num: 'number',
  req: 'request',
  cb: 'callback',
};

/** The words of a name, by case change, digits kept with their word, and `_`, `-`, `.` or spaces. */
function wordsOf(name: string): string[] {
  return name
    .split(/[\s_.-]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** One word as it is compared: its usual long form, singular (`Infos` is `Info`, `Msgs` is `Message`). */
function canonicalWord(word: string): string {
  const singular = word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
  return SAME_WORD[word] ?? SAME_WORD[singular] ?? singular;
}

/** The meaning of a name, word by word; a leading `on` (`onRetry` for the hook `retry`) dropped. */
function canonicalWords(name: string): string[] {
  const words = wordsOf(name).map(canonicalWord);
  return words.length > 1 && words[0] === 'on' ? words.slice(1) : words;
}

/**
 * The candidate `name` most likely meant, or `undefined` when none is close. By the words of the
 * name first: a candidate whose words mean the same, short or long, singular or plural
 * (`SendPeerMsg` is `SendPeerMessage`, `QueryGroupInfos` is `QueryGroupInfo`, `onRetry` is
 * `retry`), in that order or another; then by edits (a typo, a case slip) to the name or to its
 * words' long forms: at most a third of the letters (2 at least) differ.
 * @internal
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const words = canonicalWords(name);
  const meaning = words.join(' ');
  const bag = [...words].sort().join(' ');
  const closest = (matches: string[]): string | undefined =>
    matches.reduce<string | undefined>(
      (best, c) => (best === undefined || distance(name, c) < distance(name, best) ? c : best),
      undefined,
    );
  const same = closest(list.filter((c) => canonicalWords(c).join(' ') === meaning));
  if (same !== undefined) return same;
  const reordered = closest(list.filter((c) => [...canonicalWords(c)].sort().join(' ') === bag));
  if (reordered !== undefined) return reordered;

  const joined = words.join('');
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of list) {
    const d = Math.min(distance(name, candidate), distance(joined, canonicalWords(candidate).join('')));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
