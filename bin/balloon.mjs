#!/usr/bin/env node
// Entry point of `npx balloon`: loads the bundled CLI built by `npm install` (scripts/build-node.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/node/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('balloon: the CLI is not built (dist/node/cli.mjs is missing); run `npm install` (or `npm run build:node`) in the balloon directory');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
