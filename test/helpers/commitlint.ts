/**
 * A checker of commitlint's `@commitlint/config-conventional` rules (commitlint itself is not a
 * dependency): the header `type(scope)!: subject` with a lower-case type from the type enum, a
 * subject that is not empty, does not end with '.', and is none of sentence-, start-, pascal- or
 * upper-case (as @commitlint/ensure judges them, quoted parts removed); a trimmed header of at most
 * 100 characters; a blank line before the body and before the footer (trailers); body and footer
 * lines of at most 100. Warnings of the config (the blank lines) are treated as errors here.
 * Input is the message as git stores it (comments already stripped).
 */
export const TYPES = ['build', 'chore', 'ci', 'docs', 'feat', 'fix', 'perf', 'refactor', 'revert', 'style', 'test'];

const words = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).filter(Boolean);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const startCase = (s: string) => words(s).map(upperFirst).join(' ');
const pascalCase = (s: string) => words(s).map((w) => upperFirst(w.toLowerCase())).join('');

function forbiddenCase(subject: string): string | null {
  if (!/^[a-z]/i.test(subject)) return null;
  const input = subject.replace(/`.*?`|".*?"|'.*?'/g, '').trim();
  const is = (t: string) => t === '' || /^\d/.test(t) || t === input;
  if (is(upperFirst(input))) return 'sentence-case';
  if (is(startCase(input))) return 'start-case';
  if (is(pascalCase(input))) return 'pascal-case';
  if (is(input.toUpperCase())) return 'upper-case';
  return null;
}

export function commitlintProblems(message: string): string[] {
  const lines = message.replace(/\n+$/, '').split('\n');
  const header = lines[0] ?? '';
  const p: string[] = [];
  if (header !== header.trim()) p.push('header-trim');
  if (header.length > 100) p.push(`header-max-length (${header.length})`);
  const m = /^(\w*)(?:\((.*)\))?!?: (.*)$/.exec(header);
  if (!m || m[1] === '') return [...p, 'type-empty'];
  const [, type, , subject] = m;
  if (type !== type.toLowerCase()) p.push('type-case');
  if (!TYPES.includes(type.toLowerCase())) p.push(`type-enum (${type})`);
  if (subject.trim() === '') p.push('subject-empty');
  if (subject.endsWith('.')) p.push('subject-full-stop');
  const c = forbiddenCase(subject);
  if (c) p.push(`subject-case (${c})`);
  if (lines.length > 1 && lines[1] !== '') p.push('body-leading-blank');
  const rest = lines.slice(1);
  const footerAt = rest.findIndex((l) => /^[A-Za-z-]+: /.test(l) || /^BREAKING CHANGE: /.test(l));
  if (footerAt > 0 && rest[footerAt - 1] !== '') p.push('footer-leading-blank');
  rest.forEach((l, i) => {
    if (l.length > 100) p.push(`${footerAt >= 0 && i >= footerAt ? 'footer' : 'body'}-max-line-length (${l.length})`);
  });
  return p;
}
