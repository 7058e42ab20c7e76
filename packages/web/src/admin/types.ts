// The administration screens' data: the shared contract (core contract/org.ts), no copies.
export type { AdminUnit, AdminUser, CommuneAdmin } from '@tiendo/core';
