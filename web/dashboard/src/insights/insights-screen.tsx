import { useState } from 'react';
import { useApi } from '../api/api-context';
import { SENTIMENTS, TOPICS, type Insights } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { ErrorAlert } from '../ui/error-alert';
import { Screen } from '../ui/screen';
import { useLoad } from '../ui/use-load';
import { BarChart } from './bar-chart';
import { CommentCorrections } from './comment-corrections';
import { CommenterErasure } from './commenter-erasure';
import { FaqQueue } from './faq-queue';
import { ProductPicker } from './product-picker';
import { RetrainPanel } from './retrain-panel';
import { TrendChart } from './trend-chart';

/**
 * What a product's commenters talk about and feel, week by week, and the FAQ entries mined from
 * their questions; and erasing a commenter, after which the product's figures are loaded again.
 */
export function InsightsScreen({ sku }: { sku: string | null }) {
  const { t } = useI18n();
  const [erasures, setErasures] = useState(0);
  return (
    <Screen title={sku ? t('insights.titleFor', { sku }) : t('insights.title')}>
      <ProductPicker sku={sku} />
      {sku && <ProductInsights key={erasures} sku={sku} />}
      <CommenterErasure onErased={() => setErasures((n) => n + 1)} />
    </Screen>
  );
}

function ProductInsights({ sku }: { sku: string }) {
  const api = useApi();
  const { t, label, shortDate } = useI18n();
  const insights = useLoad(() => api.get<Insights>(`/api/v1/products/${encodeURIComponent(sku)}/insights`), [api, sku]);
  if (!insights.data) return insights.error ? <ErrorAlert error={insights.error} /> : <p role="status">{t('common.loading')}</p>;
  const data = insights.data;
  const topics = TOPICS.map((topic) => ({ label: label('topic', topic), value: data.topics[topic] ?? 0 })).filter((b) => b.value > 0);
  const sentiment = SENTIMENTS.map((s) => ({ label: label('sentiment', s), value: data.sentiment[s] ?? 0, tone: `tone-${s}` }));
  const weekLabel = (weekStart: string) => shortDate(`${weekStart}T12:00:00Z`);
  const weekly = [
    { name: t('insights.comments'), points: data.weekly.map((w) => ({ label: weekLabel(w.weekStart), value: w.comments })) },
    { name: t('insights.questions'), points: data.weekly.map((w) => ({ label: weekLabel(w.weekStart), value: w.questions })) },
  ];

  return (
    <>
      <div className="chart-grid">
        <section className="card">
          <BarChart title={t('insights.topics')} bars={topics} />
        </section>
        <section className="card">
          <BarChart title={t('insights.sentiment')} bars={sentiment} />
        </section>
        <section className="card wide">
          {data.weekly.length ? <TrendChart title={t('insights.weekly')} series={weekly} /> : <p className="empty">{t('insights.noWeekly')}</p>}
        </section>
      </div>
      <FaqQueue sku={sku} />
      <CommentCorrections sku={sku} onCorrected={insights.reload} />
      <RetrainPanel onRetrained={insights.reload} />
    </>
  );
}
