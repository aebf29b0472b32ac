import type { CommentLang } from './comment-classification';
import type { FeatureVector } from './comment-features';
import { predictInto, type LinearModel } from './linear-model';
import type { NormalisedComment } from './normalise-comment';

/**
 * The restricted detector: Polish, English or other. Scripts the model never saw, or no
 * letters at all ("😍😍", "!!!"), are "other" without asking it; otherwise the language head
 * (character n-grams of the folded text, so "zamowienie" is as Polish as "zamówienie").
 */
export function detectLanguage(
  comment: NormalisedComment,
  features: FeatureVector,
  model: LinearModel,
  scratch = new Float64Array(model.classes.length),
): CommentLang {
  const ruled = languageByRule(comment);
  if (ruled) return ruled;
  const probabilities = predictInto(model, features, scratch);
  let best = 0;
  for (let c = 1; c < model.classes.length; c++) if ((probabilities[c] as number) > (probabilities[best] as number)) best = c;
  return model.classes[best] as CommentLang;
}

/** The cases decided without the model; training applies the same rule, so heads see at training what they will see in use. */
export const languageByRule = (comment: NormalisedComment): CommentLang | undefined =>
  comment.signals.nonLatinScript || comment.signals.letters === 0 ? 'other' : undefined;
