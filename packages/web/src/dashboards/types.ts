export interface DashboardTask {
  id: number;
  appendix: string;
  code: string;
  content: string;
  lead: string | null;
  director: string | null;
  deadline: string | null;
  dueDate: string | null;
  status: string;
  statusLabel: string;
  progress: number | null;
}

export interface CommuneDashboard {
  period: { id: number; label: string; due_date: string; communeName: string } | null;
  periods: Array<{ id: number; label: string; due_date: string; status: string }>;
  appendices: string[];
  statusCounts: (Record<string, number> & { total: number; donePercent: number }) | null;
  tasks: DashboardTask[];
  overdue: DashboardTask[];
  dueSoon: DashboardTask[];
  indicators: Array<{
    id: number;
    code: string;
    name: string;
    unit: string | null;
    targets: Array<{ year: number | null; text: string }>;
    value: string | null;
    expected: number | null;
    trajectory: string;
    trajectoryLabel: string;
    history: Array<{ period: string; date: string; value: number; expected: number | null }>;
  }>;
  units: Array<{
    unitId: number;
    name: string;
    reportStatus: string;
    onTime: boolean;
    tasksLed: number;
    tasksDue: number;
    doneOnTime: number;
    score: number;
  }>;
}

export interface ProvinceRollup {
  label: string | null;
  labels: string[];
  communes: Array<{
    communeId: number;
    name: string;
    periodId: number | null;
    units: number;
    received: number;
    onTime: number;
    donePercent: number | null;
    overdue: number;
    reported: boolean;
  }>;
  ranking: Array<{ communeId: number; name: string; score: number }>;
}
