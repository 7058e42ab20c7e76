import { searchKey } from '@tiendo/core';

// What each column of an appendix table holds, read from its header text. General rules
// from the words Vietnamese plans use, not positions: "Năm 2030" is a target year, "Cơ quan
// chủ trì" the lead unit, "Đồng chí được phân công chỉ đạo" the directing leader…

export type ColumnRole =
  | 'code'
  | 'name' // chỉ tiêu / nhiệm vụ / nội dung công việc
  | 'unit' // đơn vị tính
  | 'year' // Năm 2025 …
  | 'result' // "Kết quả" of an indicator table: target of the group's year
  | 'lead' // chủ trì
  | 'coordinate' // phối hợp
  | 'output' // sản phẩm đầu ra / kết quả cần đạt
  | 'deadline' // thời gian hoàn thành / tiến độ
  | 'director' // đồng chí được phân công chỉ đạo / người đứng đầu chịu trách nhiệm
  | 'responsible' // đồng chí được phân công chủ trì
  | 'unknown';

export interface Column {
  role: ColumnRole;
  year?: number;
}

export type TableKind = 'indicators' | 'tasks';

export function classifyColumn(header: string): Column {
  const k = searchKey(header);
  const year = /\bnam\s+(\d{4})\b/.exec(k) ?? /^(\d{4})$/.exec(k);
  if (year) return { role: 'year', year: Number(year[1]) };
  if (/^(tt|stt|so tt|so thu tu)\.?$/.test(k)) return { role: 'code' };
  if (/^(don vi|don vi tinh|dvt)$/.test(k)) return { role: 'unit' };
  if (/(dong chi|nguoi|lanh dao).*(chi dao)|nguoi dung dau|chiu trach nhiem/.test(k))
    return { role: 'director' };
  if (/^dong chi.*chu tri/.test(k)) return { role: 'responsible' };
  if (/phoi hop/.test(k)) return { role: 'coordinate' };
  if (/chu tri/.test(k)) return { role: 'lead' };
  if (/thoi gian|tien do|thoi han/.test(k)) return { role: 'deadline' };
  if (/san pham|ket qua can dat|dau ra/.test(k)) return { role: 'output' };
  if (/^ket qua$/.test(k)) return { role: 'result' };
  if (/chi tieu|nhiem vu|noi dung|ten /.test(k)) return { role: 'name' };
  return { role: 'unknown' };
}

/** A task table names a deadline column; everything else with targets is an indicator table. */
export function tableKind(columns: Column[]): TableKind {
  const roles = new Set(columns.map((c) => c.role));
  if (roles.has('deadline')) return 'tasks';
  if (roles.has('year') || roles.has('unit')) return 'indicators';
  return roles.has('result') ? 'indicators' : 'tasks';
}

/** In a task table a lone "Kết quả" column is the expected output. */
export function resolveColumns(headers: string[]): { kind: TableKind; columns: Column[] } {
  const columns = headers.map(classifyColumn);
  const kind = tableKind(columns);
  if (kind === 'tasks') columns.forEach((c) => c.role === 'result' && (c.role = 'output'));
  return { kind, columns };
}
