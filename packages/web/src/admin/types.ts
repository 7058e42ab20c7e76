import type { Role } from '@tiendo/core';
export interface AdminUnit {
  id: number;
  name: string;
  short_name: string | null;
  version: number;
}

export interface AdminUser {
  id: number;
  username: string;
  display_name: string;
  email: string | null;
  unit_id: number | null;
  active: boolean;
  version: number;
  roles: Array<{ role: Role; scopeUnitId: number }>;
}

export interface CommuneAdmin {
  commune: { id: number; name: string; code: string | null };
  units: AdminUnit[];
  users: AdminUser[];
}
