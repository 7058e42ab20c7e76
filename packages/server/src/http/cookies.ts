// The session cookie's name: set by sign-in (auth/), read by the web page's server
// (webApp.ts: a signed-in visit gets the page without the sign-in form).
export const SESSION_COOKIE = 'tiendo_session';
