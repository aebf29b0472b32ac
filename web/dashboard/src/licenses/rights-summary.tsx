import type { LicenseTerms } from '../api/api-types';
import { useI18n, type I18n } from '../i18n/i18n';
import { Link } from '../routing/router';
import { Badge, toneOf } from '../ui/badge';
import { daysLeft, endsAtMidnight, inForce, licenseStateAt } from './license-timing';

/**
 * "Where and until when can I use this?" in plain words: each license in force now with its
 * territories, channels, end, edits and duties; when none is in force, why not. For an asset
 * that is `withdrawn` (archived or deleted) the answer is nowhere, whatever its licenses say:
 * it says so first, then lists the licenses as what they grant on paper, not as usable.
 */
export function RightsSummary({
  licenses,
  linkLicenses = true,
  withdrawn = null,
}: {
  licenses: LicenseTerms[];
  linkLicenses?: boolean;
  withdrawn?: 'archived' | 'deleted' | null;
}) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const now = new Date();
  const withState = licenses.map((license) => ({ license, state: licenseStateAt(license, now) }));
  const current = withState.filter((l) => inForce(l.state));
  const others = withState.filter((l) => !inForce(l.state));

  return (
    <section className="rights-summary card" aria-labelledby="rights-heading">
      <h2 id="rights-heading">{t('rights.title')}</h2>
      {withdrawn && (
        <p className="rights-none rights-withdrawn">
          <strong>{t('rights.withdrawn')}</strong> {withdrawn === 'deleted' ? t('rights.withdrawnDeleted') : t('rights.withdrawnArchived')}
        </p>
      )}
      {withdrawn && licenses.length === 0 && <p className="empty">{t('rights.noLicense')}</p>}
      {withdrawn && current.length > 0 && <h3>{withdrawn === 'deleted' ? t('rights.keptLicenses') : t('rights.pausedLicenses')}</h3>}
      {current.length === 0 ? (
        !withdrawn && (
          <p className="rights-none">
            <strong>{t('rights.nowhere')}</strong> {licenses.length === 0 ? t('rights.noLicense') : t('rights.noneInForce')}
          </p>
        )
      ) : (
        <ul className="rights-list">
          {current.map(({ license, state }) => (
            <li key={license.id} className={withdrawn ? 'rights-item rights-item-withdrawn' : 'rights-item'}>
              <p className={withdrawn ? 'rights-terms-sentence' : 'rights-sentence'}>
                {withdrawn ? termsSentence(i18n, license, now) : rightsSentence(i18n, license, now)}
              </p>
              <dl className="terms">
                <dt>{t('rights.where')}</dt>
                <dd>{territoryText(i18n, license.territories, license.excludedTerritories)}</dd>
                <dt>{t('rights.channels')}</dt>
                <dd>{license.channels.map((c) => label('channel', c)).join(', ')}</dd>
                <dt>{t('rights.until')}</dt>
                <dd>
                  {endText(i18n, license.endsAt, now)} <Badge tone={toneOf(state)}>{label('licenseState', state)}</Badge>
                </dd>
                <dt>{t('rights.edits')}</dt>
                <dd>{license.derivativesAllowed ? t('rights.editsAllowed') : t('rights.editsForbidden')}</dd>
                {(license.disclosureRequired || license.attributionRequired) && (
                  <>
                    <dt>{t('rights.duties')}</dt>
                    <dd>
                      {[license.disclosureRequired && t('rights.disclosure'), license.attributionRequired && t('rights.attribution')]
                        .filter(Boolean)
                        .join(', ')}
                    </dd>
                  </>
                )}
              </dl>
              {linkLicenses && <Link to={`/licenses/${license.id}`}>{t('rights.openLicense')}</Link>}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <>
          <h3>{t('rights.otherLicenses')}</h3>
          <ul className="plain-list">
            {others.map(({ license, state }) => (
              <li key={license.id}>
                <Badge tone={toneOf(state)}>{label('licenseState', state)}</Badge> {otherText(i18n, license, state)}{' '}
                <Link to={`/licenses/${license.id}`}>{t('rights.openLicense')}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** One sentence a content manager can act on, e.g. "Paid social and product pages in Poland until 31 Dec 2026." */
export function rightsSentence(i18n: I18n, license: LicenseTerms, now: Date): string {
  return i18n.t('rights.sentence', sentenceParts(i18n, license, now));
}

/** What a license grants on paper, for an asset that is not in use ("Licensed for …", not "Usable for …"). */
function termsSentence(i18n: I18n, license: LicenseTerms, now: Date): string {
  return i18n.t('rights.termsSentence', sentenceParts(i18n, license, now));
}

function sentenceParts(i18n: I18n, license: LicenseTerms, now: Date): { channels: string; where: string; until: string } {
  const except = license.excludedTerritories.map(i18n.country).join(', ');
  const where = !license.territories.includes('WW')
    ? i18n.t('rights.inCountries', { where: territoryText(i18n, license.territories, []) })
    : except
      ? i18n.t('rights.everywhereExcept', { except })
      : i18n.t('rights.everywhere');
  return {
    channels: license.channels.map((c) => i18n.label('channel', c)).join(', '),
    where,
    until: untilText(i18n, license.endsAt, now),
  };
}

/** The end as the sentence's last words: "until 7 Mar 2027, 10:00 (in 90 days)", never a bare date. */
function untilText(i18n: I18n, endsAt: string | null, now: Date): string {
  const text = endText(i18n, endsAt, now);
  return endsAt === null || endsAtMidnight(endsAt) || Date.parse(endsAt) <= now.getTime() ? text : i18n.t('rights.untilDate', { date: text });
}

export function territoryText(i18n: I18n, territories: string[], excluded: string[]): string {
  const names = territories.map(i18n.country).join(', ');
  return excluded.length ? i18n.t('rights.except', { where: names, except: excluded.map(i18n.country).join(', ') }) : names;
}

export function endText(i18n: I18n, endsAt: string | null, now: Date): string {
  if (endsAt === null) return i18n.t('rights.perpetual');
  if (Date.parse(endsAt) <= now.getTime()) return i18n.t('rights.endedOn', { date: i18n.dateTime(endsAt) });
  const when = endsAtMidnight(endsAt) ? i18n.t('rights.lastDay', { date: i18n.date(new Date(Date.parse(endsAt) - 1).toISOString()) }) : i18n.dateTime(endsAt);
  return `${when} (${i18n.inDays(daysLeft(endsAt, now))})`;
}

function otherText(i18n: I18n, license: LicenseTerms, state: string): string {
  if (state === 'not_started') return i18n.t('rights.startsOn', { date: i18n.dateTime(license.startsAt) });
  if (state === 'expired' && license.endsAt) return i18n.t('rights.endedOn', { date: i18n.dateTime(license.endsAt) });
  return `${license.channels.map((c) => i18n.label('channel', c)).join(', ')} · ${territoryText(i18n, license.territories, license.excludedTerritories)}`;
}
