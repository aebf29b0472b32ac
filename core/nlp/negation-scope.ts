/**
 * "nie polecam" and "not good" mean the opposite of "polecam" and "good", which a bag of
 * words cannot see. The usual fix (Das & Chen 2001, Pang et al. 2002): words that follow a
 * negation cue, up to a few words or the next punctuation or "but", are different words
 * ("neg:polecam"). Cues are diacritic-folded, as the tokens are.
 */
const NEGATION_CUES = new Set([
  // Polish
  'nie',
  'ani',
  'nigdy',
  'bez',
  'brak',
  'zaden',
  'zadna',
  'zadne',
  'zadnego',
  'zadnej',
  'niczego',
  'nic',
  'nikt',
  'nikomu',
  // English ("n't" has become "not" in normalisation)
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'nor',
  'neither',
  'without',
  'cannot',
  'hardly',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wasnt',
  'arent',
  'werent',
  'wont',
  'cant',
  'couldnt',
  'shouldnt',
  'wouldnt',
  'havent',
  'hasnt',
  'aint',
]);
const SCOPE_BREAKERS = new Set(['.', ',', ';', ':', '!', '?', 'but', 'however', 'ale', 'lecz', 'jednak', 'natomiast', 'tylko', 'chociaz', 'although']);
const SCOPE_WORDS = 3;

export const NEGATED_PREFIX = 'neg:';

/** The tokens with those in a negation scope prefixed; the cues themselves stay as they are. */
export function markNegation(tokens: readonly string[]): string[] {
  const marked: string[] = [];
  let remaining = 0;
  for (const token of tokens) {
    if (NEGATION_CUES.has(token)) {
      marked.push(token);
      remaining = SCOPE_WORDS;
    } else if (SCOPE_BREAKERS.has(token)) {
      marked.push(token);
      remaining = 0;
    } else if (remaining > 0) {
      marked.push(NEGATED_PREFIX + token);
      remaining--;
    } else {
      marked.push(token);
    }
  }
  return marked;
}
