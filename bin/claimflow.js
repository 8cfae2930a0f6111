#!/usr/bin/env node
// `npx claimflow …`: the TypeScript command line, run through tsx (as every script of the project).
require('tsx/cjs');
require('../cli/claimflow.ts').main(process.argv.slice(2)).then((code) => (process.exitCode = code));
