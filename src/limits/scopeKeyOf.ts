/** The GroupId or RoomId of a call, which keys group- and room-scoped limits. */
export function scopeKeyOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const key = params?.['GroupId'] ?? params?.['RoomId'];
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}
