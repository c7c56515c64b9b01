#!/usr/bin/env node
// numcheck command-line entry point: the bundled CLI lives in dist/ (built by `npm run build`, run by `prepare`).
import { main } from '../dist/numcheck.mjs';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
