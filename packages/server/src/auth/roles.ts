import { ROLES, type Role } from '@tiendo/core';

// Roles a person can hold (typed once in @tiendo/core contract/enums.ts), with their labels.
export { ROLES, type Role };

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  national_viewer: 'Cấp trung ương',
  province_viewer: 'Cấp tỉnh/thành phố',
  commune_leader: 'Lãnh đạo UBND',
  focal_officer: 'Cán bộ đầu mối',
  unit_reporter: 'Người báo cáo của đơn vị',
};
