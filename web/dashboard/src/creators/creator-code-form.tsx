import { useState, type FormEvent } from 'react';
import type { CreatorCodeView } from '../../../../core/contract/creator-code-replies';
import { useApi } from '../api/api-context';
import { useI18n } from '../i18n/i18n';
import { ChoiceSelect } from '../ui/choice-select';
import { Field } from '../ui/field';
import { discountToBody, EMPTY_DISCOUNT, type DiscountForm, type DiscountKind } from './code-discount';
import { codeError } from './code-error';

/**
 * Adds a code to a creator: the code itself is optional (the API generates one from the handle),
 * as are the campaign and the discount. A refusal is said in words under the form.
 */
export function CreatorCodeForm({ creatorId, onAdded }: { creatorId: string; onAdded: (code: CreatorCodeView) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [campaign, setCampaign] = useState('');
  const [discount, setDiscount] = useState<DiscountForm>(EMPTY_DISCOUNT);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = <K extends keyof DiscountForm>(key: K, value: DiscountForm[K]) => setDiscount((d) => ({ ...d, [key]: value }));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body = { ...(code.trim() ? { code: code.trim() } : {}), campaign: campaign.trim() || null, discount: discountToBody(discount) };
      const added = await api.send<CreatorCodeView>('POST', `/api/v1/creators/${creatorId}/codes`, body);
      setCode('');
      setCampaign('');
      setDiscount(EMPTY_DISCOUNT);
      onAdded(added);
    } catch (err) {
      setError(codeError(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form creator-code-form" onSubmit={add} noValidate>
      <Field label={t('codes.code')} hint={t('codes.codeHint')}>
        <input
          value={code}
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setCode(e.target.value);
            setError(null); // a refusal is about the code as it was sent
          }}
        />
      </Field>
      <Field label={t('codes.campaign')}>
        <input value={campaign} maxLength={400} onChange={(e) => setCampaign(e.target.value)} />
      </Field>
      <Field label={t('codes.discountKind')}>
        <ChoiceSelect
          value={discount.kind}
          onChange={(kind) => change('kind', kind as DiscountKind)}
          choices={[
            ['none', t('codes.kindNone')],
            ['percent', t('codes.kindPercent')],
            ['amount', t('codes.kindAmount')],
          ]}
        />
      </Field>
      {discount.kind === 'percent' && (
        <Field label={t('codes.percent')}>
          <input inputMode="numeric" size={5} value={discount.percent} onChange={(e) => change('percent', e.target.value)} />
        </Field>
      )}
      {discount.kind === 'amount' && (
        <>
          <Field label={t('codes.amount')}>
            <input inputMode="decimal" size={10} value={discount.amount} onChange={(e) => change('amount', e.target.value)} />
          </Field>
          <Field label={t('codes.currency')}>
            <input size={5} maxLength={3} value={discount.currency} onChange={(e) => change('currency', e.target.value)} />
          </Field>
        </>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('codes.adding') : t('codes.add')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
