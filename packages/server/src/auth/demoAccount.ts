// The demo data's shared password and the account the sign-in page offers while the demo is
// on (demo/seed.ts creates them; auth/routes.ts names them on the sign-in page).
export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_ACCOUNT = 'kienhung.daumoi';
