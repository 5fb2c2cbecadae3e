#!/usr/bin/env node
// Launcher: the command line is TypeScript run by Node's own type stripping (Node 22.18+ / 24).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `custody needs Node 24 (this is ${process.version}). Inside the project, run it as \`npm run custody -- ...\`.\n`,
  );
  process.exit(2);
}
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
