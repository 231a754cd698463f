import { transformFile, type Options } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
/** Inside the package, so that `nestjs-async-event-bus` resolves to `dist/` by self-reference. */
const OUT_DIR = join(BENCH_DIR, 'results', '.build');

/** What a child imports: its entry and the folders it loads scenarios and systems from. */
const CHILD_SOURCES = ['child.ts', 'child-messages.ts', 'scenarios', 'support', 'systems'];

/** The compilation the swc register does for the orchestrator: Nest's legacy decorators and their metadata. */
const SWC_OPTIONS: Options = {
  swcrc: false,
  configFile: false,
  module: { type: 'es6' },
  jsc: {
    target: 'es2022',
    keepClassNames: true,
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
};

/**
 * Compiles the bench's TypeScript to plain JavaScript once, for the children. A child run
 * under the swc register would carry the register's loader thread (TypeScript itself, about
 * 140 MB of RSS) into every system's peak, and pay about a second to start.
 * @returns the path of the compiled child entry.
 */
export async function buildChild(): Promise<string> {
  await rm(OUT_DIR, { recursive: true, force: true });
  const sources = (await readdir(BENCH_DIR, { recursive: true })).filter(
    (file) => file.endsWith('.ts') && CHILD_SOURCES.some((source) => file === source || file.startsWith(`${source}/`)),
  );
  await Promise.all(
    sources.map(async (file) => {
      const { code } = await transformFile(join(BENCH_DIR, file), SWC_OPTIONS);
      const target = join(OUT_DIR, file.replace(/\.ts$/, '.js'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, code);
    }),
  );
  return join(OUT_DIR, 'child.js');
}

