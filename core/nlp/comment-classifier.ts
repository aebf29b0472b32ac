import type { CommentSentiment, CommentTopic } from '../vocabulary/comment-labels';
import type { CommentClassification, CommentClassifier, CommentInput, CommentLang } from './comment-classification';
import { FeatureBuffer, addLanguageFeature, extractFeatures } from './comment-features';
import { detectLanguage } from './detect-language';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../vocabulary/comment-labels';
import { predictInto, type LinearModel } from './linear-model';
import type { ModelSet } from './model-artifact';
import { normaliseComment } from './normalise-comment';
import { PolishSentiment } from './review-sentiment';

/**
 * All heads over one feature extraction: normalise, hash features once, detect the language
 * (unless the caller knows it), add it as a feature, then score every head. Synchronous and
 * allocation-light: one comment costs a few tens of microseconds.
 */
export class HashedCommentClassifier implements CommentClassifier {
  private readonly features = new FeatureBuffer();
  private readonly scratch = new Float64Array(16);
  private readonly polishSentiment: PolishSentiment;

  constructor(
    private readonly models: ModelSet,
    readonly modelVersion: string,
  ) {
    this.polishSentiment = new PolishSentiment(models);
  }

  classify(input: CommentInput): CommentClassification {
    const comment = normaliseComment(input.text);
    extractFeatures(comment, this.features);
    const lang = input.lang ?? detectLanguage(comment, this.features, this.models.language, this.scratch);
    addLanguageFeature(lang, this.features);
    const sentimentScores = this.sentiment(lang, input.text);
    const topicScores = this.distribution(this.models.topic, COMMENT_TOPICS);
    const questionScore = this.yes(this.models.question);
    const spamScore = this.yes(this.models.spam);
    const substantiveScore = this.yes(this.models.substantive);
    return {
      lang,
      sentiment: argmax(sentimentScores),
      sentimentScores,
      isQuestion: questionScore >= 0.5,
      questionScore,
      topic: argmax(topicScores),
      topicScores,
      spam: spamScore >= 0.5,
      spamScore,
      substantive: substantiveScore >= 0.5,
      substantiveScore,
      modelVersion: this.modelVersion,
    };
  }

  /** A comment in neither language gets the average of both sentiment heads (emoji read the same in both). */
  private sentiment(lang: CommentLang, text: string): Record<CommentSentiment, number> {
    if (lang === 'pl') return this.labelled(this.polishSentiment.predictInto(text, this.features, this.scratch), COMMENT_SENTIMENTS);
    if (lang === 'en') return this.distribution(this.models.sentimentEn, COMMENT_SENTIMENTS);
    const pl = this.distribution(this.models.sentimentPl, COMMENT_SENTIMENTS);
    const en = this.distribution(this.models.sentimentEn, COMMENT_SENTIMENTS);
    return Object.fromEntries(COMMENT_SENTIMENTS.map((s) => [s, rounded((pl[s] + en[s]) / 2)])) as Record<CommentSentiment, number>;
  }

  private distribution<L extends CommentTopic | CommentSentiment>(model: LinearModel, labels: readonly L[]): Record<L, number> {
    return this.labelled(predictInto(model, this.features, this.scratch), labels);
  }

  private labelled<L extends CommentTopic | CommentSentiment>(probabilities: Float64Array, labels: readonly L[]): Record<L, number> {
    const out = {} as Record<L, number>;
    labels.forEach((label, c) => (out[label] = rounded(probabilities[c] as number)));
    return out;
  }

  private yes(model: LinearModel): number {
    return rounded(predictInto(model, this.features, this.scratch)[1] as number);
  }
}

/** Four decimals: more would be noise, and they keep stored rows and JSON lines short. */
const rounded = (p: number): number => Math.round(p * 10_000) / 10_000;

function argmax<L extends string>(scores: Record<L, number>): L {
  let best: L | undefined;
  for (const label of Object.keys(scores) as L[]) if (best === undefined || scores[label] > scores[best]) best = label;
  return best as L;
}
