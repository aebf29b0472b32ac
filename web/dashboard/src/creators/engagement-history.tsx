import type { z } from 'zod';
import { useApi } from '../api/api-context';
import type { EngagementHistory as EngagementHistorySchema } from '../../../../core/contract/creator-engagement-replies';
import { useI18n } from '../i18n/i18n';
import { ErrorAlert } from '../ui/error-alert';
import { useLoad } from '../ui/use-load';
import { percentText } from './creator-form';

type EngagementHistory = z.infer<typeof EngagementHistorySchema>;

/** A creator's followers and engagement as they went: when added, then at each change; newest first, as people read a history. */
export function EngagementHistorySection({ creatorId, version }: { creatorId: string; version: unknown }) {
  const api = useApi();
  const { t, number, dateTime } = useI18n();
  // `version` changes when the creator is saved in the panel, so a new point shows at once.
  const history = useLoad(() => api.get<EngagementHistory>(`/api/v1/creators/${creatorId}/engagement`), [api, creatorId, version]);
  const points = [...(history.data?.items ?? [])].reverse();
  return (
    <section className="profile-section" aria-labelledby="creator-engagement">
      <h2 id="creator-engagement">{t('creators.engagementHistory')}</h2>
      <ErrorAlert error={history.error} />
      {!history.data && !history.error && <p role="status">{t('common.loading')}</p>}
      {points.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('creators.engagementHistory')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('creators.when')}</th>
                <th scope="col">{t('creator.followers')}</th>
                <th scope="col">{t('creators.engagement')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.at}>
                  <td>{dateTime(p.at)}</td>
                  <td>{number(p.followers)}</td>
                  <td>{p.engagementRate === null ? '—' : `${number(Number(percentText(p.engagementRate)))} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
