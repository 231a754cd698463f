/**
 * The functions with the most self time in V8 CPU profiles, as written by
 * `npm run bench -- --cpu-prof`:
 *   node --import @swc-node/register/esm-register bench/profile-top.ts bench/results/X.cpuprofile [--top 25] [--filter dist/]
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' }, filter: { type: 'string' } },
  });
  for (const file of positionals) {
    const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
    const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
    const selfUs = new Map<string, number>();
    let totalUs = 0;
    profile.samples.forEach((id, i) => {
      const delta = profile.timeDeltas[i] ?? 0;
      totalUs += delta;
      const { functionName, url, lineNumber } = byNode.get(id)!.callFrame;
      const where = url.startsWith('file://') ? relative(process.cwd(), fileURLToPath(url)) : url;
      const name = `${functionName || '(anonymous)'}  ${where ? `${where}:${lineNumber + 1}` : ''}`;
      selfUs.set(name, (selfUs.get(name) ?? 0) + delta);
    });
    const rows = [...selfUs].filter(([name]) => !values.filter || name.includes(values.filter)).sort((a, b) => b[1] - a[1]);
    console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled${values.filter ? `, only "${values.filter}"` : ''}`);
    for (const [name, us] of rows.slice(0, Number(values.top))) {
      console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)} %  ${name}`);
    }
    console.log('');
  }
}

void main();
