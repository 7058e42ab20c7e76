// Shapes of the server's JSON responses (see /api/docs for the full OpenAPI description).

export interface Me {
  id: number;
  username: string;
  displayName: string;
  unitId: number | null;
  roles: Array<{ role: string; scopeUnitId: number }>;
  csrfToken: string;
}

export interface PlanSummary {
  id: number;
  title: string;
  number: string | null;
  issued_on: string | null;
  status: string;
  commune_id: number;
  commune_name: string;
  indicator_count: number;
  task_count: number;
}

export interface PlanDetail {
  id: number;
  title: string;
  number: string | null;
  issuer: string;
  issuedOn: string | null;
  status: string;
  communeName: string;
  focalUnit: string | null;
  sections: Array<{ id: number; appendix: string; kind: string; heading: string | null }>;
  indicators: Array<{
    id: number;
    sectionId: number;
    parentId: number | null;
    code: string;
    name: string;
    unit: string | null;
    lead: string | null;
    output: string | null;
    targets: Array<{ year: number | null; text: string }>;
  }>;
  tasks: Array<{
    id: number;
    sectionId: number;
    code: string;
    content: string;
    lead: string | null;
    coordinate: string | null;
    output: string | null;
    deadline: string | null;
  }>;
}

export interface DraftReview {
  planId: number;
  communeId: number;
  version: number;
  draft: import('@tiendo/core').PlanDraft;
  warnings: Array<{ where: string; message: string }>;
  sourceLines: string[];
  unitProposals: string[];
}
