// The sign-in form of index.html, brought to life by this small script of its own (no React,
// no Mantine), so a phone can sign in while the application's script is still arriving. On
// success it hands the signed-in user to the application (session.tsx): directly if the
// application is already running, else through `window.tiendoSignedIn` which it reads at start.

import type { Me } from '../api/types.ts';
import { LOGIN_URL, SIGN_IN_INFO_URL } from './urls.ts';

declare global {
  interface Window {
    tiendoSignedIn?: Me;
  }
}

export const SIGNED_IN_EVENT = 'tiendo:signed-in';

const ENGLISH: Record<string, string> = {
  'app.tagline': 'Tracking Resolution 57-NQ/TW',
  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.public': "See communes' public progress (no sign-in needed)",
  'login.demo': 'Demo data: account {username}, password {password}',
  'login.busy': 'Signing in…',
  'login.network': 'Cannot reach the server. Check the network and try again.',
};
const VIETNAMESE: Record<string, string> = {
  'login.demo': 'Dữ liệu mẫu: tài khoản {username}, mật khẩu {password}',
  'login.busy': 'Đang đăng nhập…',
  'login.network': 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.',
};

function start(): void {
  const form = document.getElementById('sign-in-form') as HTMLFormElement | null;
  if (!form || form.dataset.ready) return;
  form.dataset.ready = '1';
  const english = localStorage.getItem('locale') === 'en';
  const text = (key: string) => (english ? ENGLISH[key] : undefined) ?? VIETNAMESE[key] ?? key;
  if (english) {
    document.documentElement.lang = 'en';
    for (const el of form.querySelectorAll<HTMLElement>('[data-text]'))
      el.textContent = ENGLISH[el.dataset.text!] ?? el.textContent;
  }
  const button = form.querySelector('button')!;
  const alert = form.querySelector<HTMLElement>('[role="alert"]')!;
  const label = button.textContent;
  button.disabled = false;
  // For bench/phone-load.ts: when a phone can use the form, from the start of the navigation.
  performance.mark('tiendo:sign-in-usable');
  showDemoHint(form, text);
  // The app starts when someone begins to sign in: not before the form can be used (on a
  // slow phone its start-up would hold up the first tap), not after the password is sent.
  form.addEventListener('focusin', startApp, { once: true });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const missing = form.querySelector<HTMLInputElement>(
      username ? '[name=password]' : '[name=username]',
    );
    if (!username || !password) return missing?.focus();
    performance.mark('tiendo:sign-in-sent');
    button.disabled = true;
    button.textContent = text('login.busy');
    alert.hidden = true;
    startApp();
    void signIn(username, password)
      .then((me) => {
        form.reset();
        window.tiendoSignedIn = me;
        document.documentElement.classList.add('has-session');
        window.dispatchEvent(new CustomEvent(SIGNED_IN_EVENT, { detail: me }));
      })
      .catch((error: Error) => {
        alert.textContent = error.message || text('login.network');
        alert.hidden = false;
      })
      .finally(() => {
        button.disabled = false;
        button.textContent = label;
      });
  });
}

/** Runs the application if the page only preloaded it (signed out): as someone starts
 *  filling in the form, or at the latest when they send it. It renders nothing until they are
 *  signed in (main.tsx waits for the sign-in). */
function startApp(): void {
  const entry = document.querySelector<HTMLLinkElement>('link[data-app-entry]');
  if (!entry || entry.dataset.started) return;
  entry.dataset.started = '1';
  for (const css of document.querySelectorAll<HTMLLinkElement>('link[data-app-css]'))
    css.rel = 'stylesheet';
  void import(/* @vite-ignore */ entry.href);
}

async function signIn(username: string, password: string): Promise<Me> {
  const response = await fetch(LOGIN_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ username, password }),
  }).catch(() => null);
  if (!response) throw new Error('');
  const body = (await response.json().catch(() => ({}))) as Me & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `Lỗi ${response.status}`);
  return body;
}

/** The demo account, only while the server runs its demo data. */
function showDemoHint(form: HTMLFormElement, text: (key: string) => string): void {
  const hint = form.querySelector<HTMLElement>('#sign-in-demo');
  if (!hint) return;
  void fetch(SIGN_IN_INFO_URL, { headers: { accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : null))
    .then((body: { demo: { username: string; password: string } | null } | null) => {
      if (!body?.demo) return;
      hint.textContent = text('login.demo')
        .replace('{username}', body.demo.username)
        .replace('{password}', body.demo.password);
      hint.hidden = false;
    })
    .catch(() => undefined);
}

/** The page came with a session (the server marked it), or someone has just signed in. */
export function signedInPage(): boolean {
  return (
    window.tiendoSignedIn !== undefined ||
    document.documentElement.classList.contains('has-session')
  );
}

/** Shows the form again (signed out, or the session ended), emptied. */
export function showSignInForm(): void {
  document.documentElement.classList.remove('has-session');
  const page = document.getElementById('sign-in');
  if (page) page.hidden = false;
  start();
}

/** Hides it while someone is signed in. */
export function hideSignInForm(): void {
  document.documentElement.classList.add('has-session');
}

start();
