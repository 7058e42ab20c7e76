// The sign-in form's two addresses, for signInForm.ts: a module with no imports, so the
// form's own small script stays free of React and the query library (see auth/api.ts for the
// rest of the session's calls).

export const LOGIN_URL = '/api/auth/login';
/** Whether the server runs its demo data, and the demo account. */
export const SIGN_IN_INFO_URL = '/api/auth/sign-in';
