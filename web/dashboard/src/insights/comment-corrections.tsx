import { useState } from 'react';
import { useApi } from '../api/api-context';
import { SENTIMENTS, TOPICS, type Comment } from '../api/api-types';
import { codeSentence } from '../i18n/error-sentence';
import { useI18n } from '../i18n/i18n';
import { Badge } from '../ui/badge';
import { ErrorAlert } from '../ui/error-alert';
import { ChoiceSelect } from '../ui/choice-select';
import { Field } from '../ui/field';
import { usePages } from '../ui/use-pages';
import { LoadMore } from '../lists/load-more';

/**
 * The product's comments with the model's labels, a page at a time: each a compact row (its
 * text, author, date and labels) whose correction form opens on request, since a person
 * corrects a few comments among hundreds. Corrections are kept apart from model output by the API.
 */
export function CommentCorrections({ sku, onCorrected }: { sku: string; onCorrected: () => void }) {
  const { t, label } = useI18n();
  const [topic, setTopic] = useState('');
  const comments = usePages<Comment>(`/api/v1/comments?productSku=${encodeURIComponent(sku)}${topic ? `&topic=${topic}` : ''}`, 10);
  return (
    <section className="card" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('comments.title')}</h2>
      <div className="filters">
        <Field label={t('comments.topicFilter')}>
          <ChoiceSelect value={topic} onChange={setTopic} any={t('filter.any')} choices={TOPICS.map((c) => [c, label('topic', c)])} />
        </Field>
      </div>
      <ErrorAlert error={comments.error} />
      {!comments.loading && !comments.error && comments.items.length === 0 && <p className="empty">{t('comments.empty')}</p>}
      <ul className="comment-list">
        {comments.items.map((comment) => (
          <CommentRow key={comment.id} comment={comment} onCorrected={onCorrected} />
        ))}
      </ul>
      <LoadMore pages={comments} />
    </section>
  );
}

function CommentRow({ comment: loaded, onCorrected }: { comment: Comment; onCorrected: () => void }) {
  const api = useApi();
  const { t, label, shortDate } = useI18n();
  const [comment, setComment] = useState(loaded);
  const [topic, setTopic] = useState(comment.topic ?? '');
  const [sentiment, setSentiment] = useState(comment.sentiment ?? '');
  const [isQuestion, setIsQuestion] = useState(Boolean(comment.isQuestion));
  const [spam, setSpam] = useState(Boolean(comment.spam));
  // A refusal is kept as its sentence, never the API's wording.
  const [state, setState] = useState<'idle' | 'saved' | { refused: string }>('idle');

  const changes = {
    ...(topic && topic !== comment.topic ? { topic } : {}),
    ...(sentiment && sentiment !== comment.sentiment ? { sentiment } : {}),
    ...(isQuestion !== Boolean(comment.isQuestion) ? { isQuestion } : {}),
    ...(spam !== Boolean(comment.spam) ? { spam } : {}),
  };
  const save = async () => {
    try {
      setComment(await api.send<Comment>('PATCH', `/api/v1/comments/${comment.id}`, changes));
      setState('saved');
      onCorrected();
    } catch (err) {
      setState({ refused: codeSentence(t, err) });
    }
  };

  const form = (
    <>
      <div className="comment-labels">
        <Field label={t('comments.topic')}>
          <select value={topic} onChange={(e) => setTopic(e.target.value)}>
            {!comment.topic && <option value="">—</option>}
            {TOPICS.map((tp) => (
              <option key={tp} value={tp}>
                {label('topic', tp)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('comments.sentiment')}>
          <select value={sentiment} onChange={(e) => setSentiment(e.target.value)}>
            {!comment.sentiment && <option value="">—</option>}
            {SENTIMENTS.map((s) => (
              <option key={s} value={s}>
                {label('sentiment', s)}
              </option>
            ))}
          </select>
        </Field>
        <label className="check">
          <input type="checkbox" checked={isQuestion} onChange={(e) => setIsQuestion(e.target.checked)} /> {t('comments.question')}
        </label>
        <label className="check">
          <input type="checkbox" checked={spam} onChange={(e) => setSpam(e.target.checked)} /> {t('comments.spam')}
        </label>
        <button type="button" onClick={save} disabled={Object.keys(changes).length === 0}>
          {t('comments.correct')}
        </button>
        <span role="status" className="hint">
          {state === 'saved' ? t('comments.corrected') : ''}
        </span>
      </div>
      {typeof state === 'object' && (
        <p className="field-error" role="alert">
          {state.refused}
        </p>
      )}
    </>
  );

  return (
    <li className="comment-row">
      <blockquote>{comment.text}</blockquote>
      <p className="comment-meta">
        <span className="comment-author">
          {comment.author ? t('comments.by', { author: comment.author, platform: comment.platform }) : comment.platform}
          {comment.postedAt && ` · ${shortDate(comment.postedAt)}`}
        </span>
        {comment.topic && <Badge tone="neutral">{label('topic', comment.topic)}</Badge>}
        {comment.sentiment && <Badge tone="neutral">{label('sentiment', comment.sentiment)}</Badge>}
        {comment.isQuestion && <Badge tone="info">{t('comments.question')}</Badge>}
        {comment.spam && <Badge tone="warn">{t('comments.spam')}</Badge>}
        {comment.correction && <Badge tone="info">{t('comments.correctedBadge')}</Badge>}
      </p>
      <details className="comment-correction">
        <summary>{t('comments.correctOpen')}</summary>
        {form}
      </details>
    </li>
  );
}
