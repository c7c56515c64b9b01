#!/usr/bin/env node
// numcheck command-line entry point: the bundled CLI lives in dist/ (built by `npm run build`, run by `prepare`).
import { main } from '../dist/numcheck.mjs';

// A reader that stops early (`numcheck extract … | head`) closes the pipe: stop quietly, as Unix tools
// killed by SIGPIPE do (exit 141), instead of an unhandled EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(141);
    throw err;
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
