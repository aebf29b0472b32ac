import { FeatureBuffer, addLanguageFeature, extractFeatures, type FeatureVector } from './comment-features';
import { predictInto, type LinearModel } from './linear-model';
import { normaliseComment } from './normalise-comment';
import { reviewSegments } from './review-segments';
import { reviewSummary, stackerPredictInto, type ReviewStacker } from './review-stacker';

/** The models behind Polish sentiment: the whole-text head, three segment heads and the stacker. */
export interface PolishSentimentModels {
  sentimentPl: LinearModel;
  sentimentPlSentence: LinearModel;
  sentimentPlOpening: LinearModel;
  sentimentPlClosing: LinearModel;
  reviewStacker: ReviewStacker;
}

/**
 * Polish sentiment of one text. A comment (under three sentences) is read as a whole by the
 * whole-text head; a longer text also by the segment heads, sentence by sentence, and the
 * stacker weighs what they say (see review-stacker.ts). Only long texts pay for the extra
 * feature extraction.
 */
export class PolishSentiment {
  private readonly segment = new FeatureBuffer();

  constructor(private readonly models: PolishSentimentModels) {}

  /** `features`: the whole text's features as the heads see them (language feature included). */
  predictInto(text: string, features: FeatureVector, out: Float64Array): Float64Array {
    const { sentimentPl, sentimentPlSentence, sentimentPlOpening, sentimentPlClosing, reviewStacker } = this.models;
    const segments = reviewSegments(text);
    if (!segments) return predictInto(sentimentPl, features, out);
    const k = sentimentPl.classes.length;
    const score = (model: LinearModel, segmentText: string): Float64Array => predictInto(model, this.featuresOf(segmentText), new Float64Array(k));
    const summary = reviewSummary(
      {
        whole: predictInto(sentimentPl, features, new Float64Array(k)),
        opening: score(sentimentPlOpening, segments.opening),
        closing: score(sentimentPlClosing, segments.closing),
        sentences: segments.sentences.map((sentence) => score(sentimentPlSentence, sentence)),
      },
      sentimentPl.classes,
    );
    return stackerPredictInto(reviewStacker, summary, out);
  }

  private featuresOf(text: string): FeatureBuffer {
    return segmentFeatures(text, this.segment);
  }
}

/** A segment's features, as the segment heads are trained on them and see them. */
export function segmentFeatures(text: string, out = new FeatureBuffer()): FeatureBuffer {
  extractFeatures(normaliseComment(text), out);
  addLanguageFeature('pl', out);
  return out;
}
