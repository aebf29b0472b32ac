/**
 * Where the API key is kept between page loads: for this tab only (sessionStorage) unless the
 * person asks to be remembered on this device (localStorage). Either way it never leaves the
 * browser except in the Authorization header.
 */
const STORAGE_KEY = 'ugc-dashboard.api-key';

export function storedKey(): string | null {
  return window.sessionStorage.getItem(STORAGE_KEY) ?? window.localStorage.getItem(STORAGE_KEY);
}

export function storeKey(key: string, remember: boolean): void {
  forgetKey();
  (remember ? window.localStorage : window.sessionStorage).setItem(STORAGE_KEY, key);
}

export function forgetKey(): void {
  window.sessionStorage.removeItem(STORAGE_KEY);
  window.localStorage.removeItem(STORAGE_KEY);
}
