// Roles a person can hold, each scoped to an org unit (province, commune or unit).
export const ROLES = [
  'admin', // quản trị hệ thống
  'national_viewer', // cấp trung ương: reads every province's roll-ups, read-only
  'province_viewer', // lãnh đạo, chuyên viên cấp tỉnh/thành phố
  'commune_leader', // Chủ tịch, Phó Chủ tịch UBND xã/phường
  'focal_officer', // cán bộ đầu mối (e.g. Phòng VH-XH): imports plans, runs periods
  'unit_reporter', // người báo cáo của đơn vị
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  national_viewer: 'Cấp trung ương',
  province_viewer: 'Cấp tỉnh/thành phố',
  commune_leader: 'Lãnh đạo UBND',
  focal_officer: 'Cán bộ đầu mối',
  unit_reporter: 'Người báo cáo của đơn vị',
};
