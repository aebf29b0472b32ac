/**
 * `npm run --silent nlp:classify -- [--in in.jsonl] [--out out.jsonl] [--models models/nlp]`
 *
 * Classifies comments with the shipped models, no server, database or Redis needed. Reads
 * JSON Lines (stdin without --in): each line an object with `text` and optional `id` and
 * `lang` ("pl" | "en" | "other", skips detection). Writes one line per input line, in the
 * same order (stdout without --out): `{ id?, lang, sentiment, sentimentScores, isQuestion,
 * questionScore, topic, topicScores, spam, spamScore, substantive, substantiveScore,
 * modelVersion }`. Blank lines are skipped. A bad line stops the run: its line number and
 * the reason go to stderr, the exit code is 1, and an --out file is not left half-written.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import readline from 'node:readline';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { COMMENT_LANGS, type CommentInput } from '../core/nlp/comment-classification';
import { loadCommentClassifier } from '../core/nlp/load-comment-classifier';

class InputError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { in: { type: 'string' }, out: { type: 'string' }, models: { type: 'string' } } });
  const classifier = loadCommentClassifier(values.models);
  const input = values.in ? createReadStream(values.in, 'utf8') : process.stdin;
  const partial = values.out ? `${values.out}.partial` : undefined;
  const output: Writable = partial ? createWriteStream(partial) : process.stdout;
  try {
    let lineNumber = 0;
    let pending = '';
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      lineNumber++;
      if (line.trim() === '') continue;
      const { id, comment } = parseLine(line, lineNumber);
      pending += `${JSON.stringify({ ...(id === undefined ? {} : { id }), ...classifier.classify(comment) })}\n`;
      // Written in chunks: one write per comment would cost more than classifying it.
      if (pending.length > 64 * 1024) {
        if (!output.write(pending)) await once(output, 'drain');
        pending = '';
      }
    }
    output.write(pending);
    if (partial && values.out) {
      output.end();
      await once(output, 'finish');
      renameSync(partial, values.out);
    }
  } catch (err) {
    if (partial) {
      // Closed before removed: the stream may still be opening the file.
      const closed = once(output, 'close');
      output.destroy();
      await closed;
      rmSync(partial, { force: true });
    }
    throw err;
  }
}

function parseLine(line: string, lineNumber: number): { id?: unknown; comment: CommentInput } {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    throw new InputError(`line ${lineNumber}: not valid JSON`);
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new InputError(`line ${lineNumber}: expected a JSON object`);
  const { id, text, lang } = row as Record<string, unknown>;
  if (typeof text !== 'string') throw new InputError(`line ${lineNumber}: "text" must be a string`);
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') throw new InputError(`line ${lineNumber}: "id" must be a string or a number`);
  if (lang !== undefined && !COMMENT_LANGS.includes(lang as never))
    throw new InputError(`line ${lineNumber}: "lang" must be one of ${COMMENT_LANGS.join(', ')}`);
  return { id, comment: lang === undefined ? { text } : { text, lang: lang as CommentInput['lang'] & string } };
}

main().catch((err: unknown) => {
  console.error(`nlp:classify: ${err instanceof InputError || err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
