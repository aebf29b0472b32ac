import { useCallback, useMemo, useState } from 'react';
import { AssetScreen } from './asset/asset-screen';
import { createApiClient, type ApiClient } from './api/api-client';
import { ApiContext } from './api/api-context';
import { forgetKey, storedKey, storeKey } from './auth/session';
import { SignInScreen } from './auth/sign-in-screen';
import { LANGS, useI18n, type Lang } from './i18n/i18n';
import { InsightsScreen } from './insights/insights-screen';
import { LibraryScreen } from './library/library-screen';
import { CreatorProfileScreen } from './creators/creator-profile-screen';
import { CreatorsScreen } from './creators/creators-screen';
import { ExpiringScreen } from './licenses/expiring-screen';
import { LicenseEditorScreen } from './licenses/license-editor-screen';
import { LicensesScreen } from './licenses/licenses-screen';
import { NewRequestScreen } from './requests/new-request-screen';
import { RequestsScreen } from './requests/requests-screen';
import { Link, useLocation, type Location } from './routing/router';
import { TakedownsScreen } from './takedowns/takedowns-screen';
import { useOpenTakedowns } from './takedowns/open-takedowns';
import { Screen } from './ui/screen';
import { UploadScreen } from './upload/upload-screen';

/** The signed-in shell: a skip link, the navigation, the language switch and the current screen. */
export function App() {
  const { t } = useI18n();
  const [key, setKey] = useState(storedKey);
  const signOut = useCallback(() => {
    forgetKey();
    setKey(null);
  }, []);
  const api = useMemo(() => (key ? createApiClient(key, signOut) : null), [key, signOut]);
  const location = useLocation();

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top-bar">
        <span className="brand">{t('app.name')}</span>
        {api && <Navigation api={api} path={location.path} />}
        <div className="top-bar-end">
          <LanguageSwitch />
          {api && (
            <button type="button" className="link-button" onClick={signOut}>
              {t('nav.signOut')}
            </button>
          )}
        </div>
      </header>
      {api ? (
        <ApiContext.Provider value={api}>
          <CurrentScreen location={location} />
        </ApiContext.Provider>
      ) : (
        <SignInScreen
          onSignedIn={(newKey, remember) => {
            storeKey(newKey, remember);
            setKey(newKey);
          }}
        />
      )}
    </>
  );
}

const NAV = [
  { to: '/', key: 'nav.library', matches: (p: string) => p === '/' || p.startsWith('/assets/') },
  { to: '/upload', key: 'nav.upload', matches: (p: string) => p === '/upload' },
  { to: '/licenses', key: 'nav.licenses', matches: (p: string) => p === '/licenses' || p.startsWith('/licenses/') },
  { to: '/expiring', key: 'nav.expiring', matches: (p: string) => p === '/expiring' },
  { to: '/creators', key: 'nav.creators', matches: (p: string) => p === '/creators' || p.startsWith('/creators/') },
  { to: '/requests', key: 'nav.requests', matches: (p: string) => p === '/requests' || p.startsWith('/requests/') },
  { to: '/takedowns', key: 'nav.takedowns', matches: (p: string) => p === '/takedowns' },
  { to: '/insights', key: 'nav.insights', matches: (p: string) => p.startsWith('/insights') },
] as const;

/** The screens, the takedowns with how many are open (a number to see, words to hear). */
function Navigation({ api, path }: { api: ApiClient; path: string }) {
  const { t, number } = useI18n();
  const open = useOpenTakedowns(api, path);
  return (
    <nav aria-label={t('nav.label')}>
      <ul className="nav-list">
        {NAV.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={item.matches(path) ? 'page' : undefined}>
              {t(item.key)}
              {item.to === '/takedowns' && open !== null && open.count > 0 && (
                <>
                  {' '}
                  <span className="nav-count" aria-hidden="true">
                    {number(open.count)}
                    {open.more ? '+' : ''}
                  </span>
                  <span className="visually-hidden">{t('nav.takedownsOpen', { n: `${number(open.count)}${open.more ? '+' : ''}` })}</span>
                </>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('nav.language')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {l === 'en' ? 'English' : 'Polski'}
          </option>
        ))}
      </select>
    </label>
  );
}

const UUID = '[0-9a-f-]{36}';

function CurrentScreen({ location }: { location: Location }) {
  const { t } = useI18n();
  const { path, query } = location;
  let match: RegExpExecArray | null;
  if (path === '/') return <LibraryScreen query={query} />;
  if (path === '/upload') return <UploadScreen />;
  if ((match = new RegExp(`^/assets/(${UUID})$`).exec(path))) return <AssetScreen key={match[1]} id={match[1]!} />;
  if (path === '/licenses') return <LicensesScreen query={query} />;
  if (path === '/creators') return <CreatorsScreen query={query} />;
  if ((match = new RegExp(`^/creators/(${UUID})$`).exec(path))) return <CreatorProfileScreen key={match[1]} id={match[1]!} />;
  if (path === '/licenses/new') return <LicenseEditorScreen key="new" id={null} query={query} />;
  if ((match = new RegExp(`^/licenses/(${UUID})$`).exec(path))) return <LicenseEditorScreen key={match[1]} id={match[1]!} query={query} />;
  if (path === '/expiring') return <ExpiringScreen />;
  if (path === '/requests') return <RequestsScreen query={query} />;
  if (path === '/requests/new') return <NewRequestScreen key={query.toString()} query={query} />;
  if (path === '/takedowns') return <TakedownsScreen query={query} />;
  if (path === '/insights') return <InsightsScreen sku={null} />;
  if ((match = /^\/insights\/([^/]+)$/.exec(path))) return <InsightsScreen key={match[1]} sku={decodeURIComponent(match[1]!)} />;
  return (
    <Screen title={t('notFound.title')}>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </Screen>
  );
}
