import type { Redis } from 'ioredis';

/**
 * Trims entries that every consumer group of the stream has acknowledged: below the oldest entry
 * still pending in some group, and never past what some group has not been delivered yet.
 * Approximate (`~`), so Redis trims whole nodes only: it may keep a few more, never fewer.
 */
export async function trimAcknowledged(commands: Redis, stream: string): Promise<void> {
  const groups = (await commands.xinfo('GROUPS', stream)) as Array<Array<string | number>>;
  if (groups.length === 0) return;
  let safe: string | undefined;
  for (const row of groups) {
    const info = new Map<string, string | number>();
    for (let i = 0; i + 1 < row.length; i += 2) info.set(String(row[i]), row[i + 1]);
    let bound = String(info.get('last-delivered-id') ?? '0-0');
    if (Number(info.get('pending') ?? 0) > 0) {
      const summary = (await commands.xpending(stream, String(info.get('name')))) as [number, string | null, string | null, unknown];
      if (summary[1]) bound = summary[1];
    }
    if (safe === undefined || compareIds(bound, safe) < 0) safe = bound;
  }
  if (safe && safe !== '0-0') await commands.xtrim(stream, 'MINID', '~', safe);
}

function compareIds(a: string, b: string): number {
  const [aMs, aSeq] = a.split('-').map(BigInt);
  const [bMs, bSeq] = b.split('-').map(BigInt);
  return aMs !== bMs ? (aMs < bMs ? -1 : 1) : aSeq === bSeq ? 0 : aSeq < bSeq ? -1 : 1;
}
