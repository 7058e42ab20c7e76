#!/usr/bin/env node
// Entry point of the `tiendo` command. Node ≥ 24 runs the TypeScript sources directly by
// stripping their types (docs/decisions/0003-node24.md), so an older Node is stopped here
// with a clear message rather than a syntax error deep in a source file.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Tiến độ cần Node.js 24 trở lên (máy đang dùng ${process.version}). ` +
      'Hãy cài Node.js 24, hoặc chạy `. scripts/use-node24.sh` trước khi khởi động.',
  );
  process.exit(1);
}
await import('../src/cli.ts');
