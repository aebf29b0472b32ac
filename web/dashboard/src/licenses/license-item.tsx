import type { License } from '../api/api-types';
import { AssetLinks } from '../asset/asset-links';
import { useI18n } from '../i18n/i18n';
import { Link } from '../routing/router';
import { Badge, toneOf } from '../ui/badge';
import { endText, territoryText } from './rights-summary';

/**
 * One license in a list: its state, what it covers (assets by title, or all of a creator's),
 * channels, territories and period, with its heading linking to the editor.
 */
export function LicenseItem({
  license,
  handle,
  now,
  headingLevel = 2,
}: {
  license: License;
  handle: string | undefined;
  now: Date;
  /** 3 where the list sits under its own heading (a creator's profile). */
  headingLevel?: 2 | 3;
}) {
  const i18n = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { t, label, date } = i18n;
  const headingId = `license-${license.id}`;
  return (
    <li className="card license-item">
      <Heading id={headingId} className="license-item-head">
        <Link to={`/licenses/${license.id}`}>
          {license.creatorId
            ? t('licenses.creatorWide', { handle: handle ? `@${handle}` : license.creatorId.slice(0, 8) })
            : t('licenses.overAssets', { n: license.assetIds.length })}
        </Link>{' '}
        <Badge tone={toneOf(license.state)}>{label('licenseState', license.state)}</Badge>
      </Heading>
      {license.assetIds.length > 0 && (
        <p className="license-item-assets">
          <AssetLinks ids={license.assetIds} />
        </p>
      )}
      <dl className="license-item-terms">
        <dt>{t('rights.channels')}</dt>
        <dd>{license.channels.map((c) => label('channel', c)).join(', ')}</dd>
        <dt>{t('licenses.territories')}</dt>
        <dd>{territoryText(i18n, license.territories, license.excludedTerritories)}</dd>
        <dt>{t('licenses.period')}</dt>
        <dd>
          {date(license.startsAt)} – {endText(i18n, license.endsAt, now)}
        </dd>
      </dl>
    </li>
  );
}
