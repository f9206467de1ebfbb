#!/usr/bin/env node
// The `arcade` command. The project is TypeScript run directly through tsx's loader (a dependency),
// so a clean checkout works after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
