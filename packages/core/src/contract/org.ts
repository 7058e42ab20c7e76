import { z } from 'zod';
import { ROLES, SUCCESSION_KINDS, UNIT_KINDS } from './enums.ts';

// Administration of a commune (its units and people) and a unit's history, as the admin routes
// return them: validated by the server, typed for the web app from here.

export const RoleAssignmentView = z.object({ role: z.enum(ROLES), scopeUnitId: z.number() });

export const AdminUnit = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string().nullable(),
  version: z.number(),
});
export type AdminUnit = z.infer<typeof AdminUnit>;

export const AdminUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  unitId: z.number().nullable(),
  active: z.boolean(),
  version: z.number(),
  roles: z.array(RoleAssignmentView),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const CommuneAdmin = z.object({
  commune: z.object({ id: z.number(), name: z.string(), code: z.string().nullable() }),
  units: z.array(AdminUnit),
  users: z.array(AdminUser),
});
export type CommuneAdmin = z.infer<typeof CommuneAdmin>;

/** A unit saved (added or renamed): its id and new version. */
export const SavedUnit = z.object({ id: z.number(), version: z.number() });
export const AddedUser = z.object({ id: z.number(), temporaryPassword: z.string() });
export type AddedUser = z.infer<typeof AddedUser>;
export const TemporaryPassword = z.object({ temporaryPassword: z.string() });
export type TemporaryPassword = z.infer<typeof TemporaryPassword>;

const Neighbour = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.enum(SUCCESSION_KINDS),
  effectiveOn: z.string(),
  decision: z.string().nullable(),
});
export const UnitHistory = z.object({
  unit: z.object({
    id: z.number(),
    name: z.string(),
    code: z.string().nullable(),
    kind: z.enum(UNIT_KINDS),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
  }),
  predecessors: z.array(Neighbour),
  successors: z.array(Neighbour),
});
export type UnitHistory = z.infer<typeof UnitHistory>;
