/**
 * Limit units a call costs: 1 per request, or, for an action counted per `message`
 * (QueryMessagesByMsgSeq), 1 per message asked for in `MsgSeqList` (or `MsgSeqs` / `MsgSeq`).
 */
export function weightOf(
  unit: 'request' | 'message' | undefined,
  params: Readonly<Record<string, unknown>> | undefined,
): number {
  if (unit !== 'message') return 1;
  const seqs = params?.['MsgSeqList'] ?? params?.['MsgSeqs'] ?? params?.['MsgSeq'];
  return Array.isArray(seqs) ? Math.max(1, seqs.length) : 1;
}
