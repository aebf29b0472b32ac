import { useState } from 'react';
import { useApi } from '../api/api-context';
import type { Creator, CreatorErasure, CreatorExport } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { localDate } from '../licenses/license-timing';
import { ConfirmButton } from '../ui/confirm-button';
import { saveJson } from '../ui/save-file';
import { creatorError, isForbidden } from './creator-error';
import { sameHandle } from './creator-form';

/**
 * The creator's rights over their personal data (RODO/GDPR): everything held about them as a
 * JSON file to hand over, and erasure, after typing their handle under a question that says
 * what goes (personal data, their assets with every file) and what stays (licenses, as the
 * legal record).
 */
export function CreatorPersonalData({
  creator,
  onErased,
  onForbidden,
}: {
  creator: Creator;
  onErased: (erasure: CreatorErasure) => void;
  onForbidden: () => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const [exporting, setExporting] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);

  const refused = (err: unknown) => {
    if (isForbidden(err)) return onForbidden();
    setNote({ text: creatorError(t, err), error: true });
  };

  const exportData = async () => {
    setExporting(true);
    setNote(null);
    try {
      const data = await api.get<CreatorExport>(`/api/v1/creators/${creator.id}/export`);
      const file = `creator-${creator.platform}-${creator.handle}-${localDate(new Date())}.json`.replace(/[^\w.-]+/g, '_');
      saveJson(file, data);
      setNote({ text: t('personalData.exported', { file }), error: false });
    } catch (err) {
      refused(err);
    } finally {
      setExporting(false);
    }
  };

  const erase = async () => {
    setNote(null);
    try {
      onErased(await api.send<CreatorErasure>('POST', `/api/v1/creators/${creator.id}/erase`));
    } catch (err) {
      refused(err);
    }
  };

  return (
    <section className="creator-data" aria-labelledby="creator-data-heading">
      <h3 id="creator-data-heading">{t('personalData.title')}</h3>
      <div className="life-cycle-action">
        <button type="button" onClick={exportData} disabled={exporting} aria-describedby="creator-export-explained">
          {exporting ? t('personalData.exporting') : t('personalData.export')}
        </button>
        <p id="creator-export-explained" className="hint">
          {t('personalData.exportExplained')}
        </p>
      </div>
      <ConfirmButton
        className="life-cycle-action"
        label={t('personalData.erase')}
        explained={t('personalData.eraseExplained')}
        question={t('personalData.eraseQuestion', { handle: creator.handle })}
        warning={t('personalData.eraseWarning')}
        typed={{
          label: t('personalData.eraseType', { handle: creator.handle }),
          matches: (typed) => sameHandle(typed, creator.handle),
          mismatch: t('personalData.eraseMismatch', { handle: creator.handle }),
        }}
        yes={t('personalData.eraseYes')}
        yesBusy={t('personalData.erasing')}
        no={t('personalData.eraseNo')}
        disabled={exporting}
        onConfirm={erase}
      />
      <p role="status" className="saved-status">
        {note && !note.error ? note.text : ''}
      </p>
      {note?.error && (
        <p className="field-error" role="alert">
          {note.text}
        </p>
      )}
    </section>
  );
}
