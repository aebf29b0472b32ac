import { readFileSync } from 'node:fs';
import { checkedLabels, type CorrectionExample } from './labelled-comment';
import { parseJsonLines } from './training-corpora';

/**
 * Corrections exported to JSON Lines (one `{ text, lang?, topic?, sentiment?, isQuestion?,
 * spam? }` a line), for `nlp:train --corrections`: the way to fold in people's corrections
 * without the database.
 */
export function readCorrectionsFile(file: string): CorrectionExample[] {
  return parseJsonLines<CorrectionExample>(readFileSync(file, 'utf8'), file).map((row, i) => {
    const { text, lang, topic, sentiment, isQuestion, spam } = checkedLabels(row, `${file} row ${i + 1}`);
    return { text, lang, topic, sentiment, isQuestion, spam };
  });
}
