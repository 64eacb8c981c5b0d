/**
 * Splits a help example the way a POSIX shell would for the simple forms examples use: words,
 * 'single' and "double" quotes, backslash escapes, a trailing # comment. Also reports the shell
 * metacharacters (< > | ; &) left unquoted, which a shell would not pass to the command.
 */
export interface ShellSplit {
  words: string[];
  unquoted: string[];
}

export function shellWords(line: string): ShellSplit {
  const words: string[] = [];
  const unquoted: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && /["\\$`]/.test(line[i + 1] ?? '')) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\') {
      word = (word ?? '') + (line[++i] ?? '');
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === '#' && word === null) {
      break;
    } else {
      if ('<>|;&'.includes(c)) unquoted.push(c);
      word = (word ?? '') + c;
    }
  }
  if (quote) throw new Error(`unbalanced quote in: ${line}`);
  if (word !== null) words.push(word);
  return { words, unquoted };
}
