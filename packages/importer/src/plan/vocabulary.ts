import { parseDeadline, parseTarget, searchKey } from '@tiendo/core';

// What the cells of a plan's tables look like, by kind: the national vocabulary of unit
// kinds (every commune has the same kinds of units under different names), people and
// their titles, document types of an expected output, units of measure, deadlines and
// targets. Used to decide a column's role from what it contains when its header is
// unfamiliar, and to tell cells apart in text that lost its cell boundaries.
// All patterns are anchored at the start and bounded: linear on any input.

/** Words a unit's name starts with (search keys: no diacritics, lower case). */
const UNIT_START = [
  'phong',
  'van phong',
  'trung tam',
  'cong an',
  'ban',
  'ban chi huy',
  'cac',
  'ubnd',
  'uy ban',
  'hdnd',
  'tram',
  'hoi',
  'doan',
  'mat tran',
  'uy ban mttq',
  'mttq',
  'truong',
  'bo phan',
  'cong chuc',
  'can bo',
  'dai',
  'dai truyen thanh',
  'thon',
  'to dan pho',
  'tdp',
  'khu pho',
  'ap',
  'ban quan ly',
  'buu dien',
  'chi nhanh',
  'hop tac xa',
  'doanh nghiep',
  'dang uy',
  'chi bo',
  'quan su',
  'bchqs',
  'ca xa',
  'ca phuong',
  'vp',
  'tt',
  'so',
  'nganh',
  'don vi',
  'co quan',
  'thu truong',
  'lien doan',
  'cuu chien binh',
  'y te',
  'vien thong',
  'viettel',
  'vnpt',
  'mobifone',
];
const UNIT_RE = new RegExp(`^[-+•]?\\s*(?:${UNIT_START.join('|')})(?:\\s|$|,|;|\\.)`);

const PERSON_RE =
  /^[-+•]?\s*(?:dong chi|d\/c|chu tich|pho chu tich|pct|ct ubnd|lanh dao|thu truong|bi thu|pho bi thu|truong phong|pho truong|giam doc|chi huy truong|ong|ba)(?:\s|$|,|;|\.)/;

const DOCUMENT_START = [
  'bo so lieu',
  'ke hoach',
  'bao cao',
  'van ban',
  'quyet dinh',
  'chien luoc',
  'co che',
  'cac co che',
  'chuong trinh',
  'de an',
  'he thong',
  'nen tang',
  'co so du lieu',
  'csdl',
  'tai lieu',
  'san pham',
  'huong dan',
  'danh muc',
  'so lieu',
  'du an',
  'to trinh',
  'thong bao',
  'cong van',
  'nghi quyet',
  'chi thi',
  'hoi nghi',
  'lop',
  'quy che',
  'quy dinh',
  'ung dung',
  'phan mem',
  'trang thong tin',
  'cong thong tin',
  'mo hinh',
  'bo tieu chi',
];
const DOCUMENT_RE = new RegExp(`^[-+•]?\\s*(?:${DOCUMENT_START.join('|')})(?:\\s|$|,|;|\\.|/)`);

const MEASURE_RE =
  /^(?:%|% ?gdp|%\/nam|ty le|thu bac|thu hang|nguoi|ho|xa|doanh nghiep|dn|diem|cai|chiec|so|luot|ty dong|trieu dong|dong|km|mbps|giay phep|san pham|co so|don vi|truong|lop|tai khoan|thiet bi|lan|ngay|gio|%\s*dan so)$/;

/** "Trưởng …" is a person's title (head of a unit); its search key is the school's
 *  ("Trường", a unit). */
const HEAD_TITLE = /^[-+•]?\s*trưởng(?:\s|$)/iu;
export const looksLikeUnit = (text: string) =>
  UNIT_RE.test(searchKey(text)) && !HEAD_TITLE.test(text.normalize('NFC'));
export const looksLikePerson = (text: string) => PERSON_RE.test(searchKey(text));
export const looksLikeDocument = (text: string) => DOCUMENT_RE.test(searchKey(text));
export const looksLikeMeasure = (text: string) =>
  text.length <= 24 && MEASURE_RE.test(searchKey(text).replace(/\s+/g, ' '));
export const looksLikeDeadline = (text: string) =>
  text.length <= 80 && parseDeadline(text).kind !== 'unparsed';
/** A target: a number with comparators and units, "-", a rank; short. */
export const looksLikeTarget = (text: string) => {
  if (text.length > 60) return false;
  const kind = parseTarget(text).kind;
  return kind !== 'qualitative' && kind !== 'unparsed';
};

/** What a text starts like, from one search key (the run starts of copied text). */
export function startKinds(text: string): { unit: boolean; person: boolean; document: boolean } {
  const key = searchKey(text);
  return {
    unit: UNIT_RE.test(key) && !HEAD_TITLE.test(text.normalize('NFC')),
    person: PERSON_RE.test(key),
    document: DOCUMENT_RE.test(key),
  };
}

export type CellKind = 'unit' | 'person' | 'document' | 'measure' | 'deadline' | 'target';

export const CELL_TESTS: Record<CellKind, (text: string) => boolean> = {
  unit: looksLikeUnit,
  person: looksLikePerson,
  document: looksLikeDocument,
  measure: looksLikeMeasure,
  deadline: looksLikeDeadline,
  target: looksLikeTarget,
};
