// Refuses a known gap without its issue: every TODO is written `TODO(#N): why`,
// and FIXME or XXX are not used at all.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard'],
  { encoding: 'utf8' },
)
  .split('\n')
  .filter((file) => /\.(ts|tsx|mjs|cjs|js)$/.test(file))
  .filter((file) => file !== 'scripts/check-debts.mjs');

const marker = /\b(TODO|FIXME|XXX)\b(?!\(#\d+\): \S)/;
const problems = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  text.split('\n').forEach((line, index) => {
    if (marker.test(line))
      problems.push(`${file}:${index + 1}: ${line.trim()}`);
  });
}

if (problems.length > 0) {
  process.stderr.write(
    `Known gaps must read TODO(#N): why\n${problems.join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(`${files.length} files: every TODO names its issue\n`);
