import { searchKey } from '@tiendo/core';
import type { Column, ColumnRole } from '../plan/columns.ts';
import { roleOfHeader } from '../plan/columns.ts';
import {
  looksLikeDeadline,
  looksLikeDocument,
  looksLikeMeasure,
  looksLikePerson,
  looksLikeTarget,
  looksLikeUnit,
  startKinds,
} from '../plan/vocabulary.ts';
import { cleanCell, joinBroken, joinSeparator } from './decode.ts';

// Text copied out of a PDF keeps a table's words in column order but loses where one cell
// ends and the next begins. A row's words are cut into its columns by dynamic programming:
// every way of giving each column a run of consecutive words is scored by how well each run
// fits its column (a deadline column wants a deadline, a lead column a unit's name, a year
// column a target…), runs that begin a printed line are favoured, and the best cut wins.
// Runs are bounded (40 words) except the name's, which starts right after the number, so
// the work grows linearly with the row.

interface Token {
  text: string;
  /** The word begins a printed line. */
  lineStart: boolean;
}

const MAX_RUN = 40;
/** What a cell costs that spans printed lines and ends inside one (see segmentRow). */
const LINE_SPLIT = 6;
/** Every deadline has a number or one of these words: the others are not parsed. */
const DEADLINE_HINT = /\d|thường|hàng|hằng|theo|liên tục|định kỳ/iu;
/** The longest run whose text is read (a deadline); longer runs are judged by their start. */
const TEXT_WORDS = 16;

/** A row's words. A word the layout broke at the end of a printed line ("Phòn" / "g",
 *  "UBN" / "D", "2021-" / "2025") is put back together first: no cell ends inside a word,
 *  and only the whole word says what it starts ("Phòng Văn hóa" is a unit's name). */
export function tokensOf(lines: string[], mend = true): Token[] {
  const tokens: Token[] = [];
  for (const line of lines) {
    line
      .split(/\s+/)
      .filter(Boolean)
      .forEach((text, i) => {
        const last = tokens.at(-1);
        if (mend && i === 0 && last && joinSeparator(last.text, text) === '') last.text += text;
        else tokens.push({ text, lineStart: i === 0 });
      });
  }
  return tokens;
}

/** What joins word k to the word before it: a space, or nothing where the layout broke a
 *  word at the end of a printed line ("2021-" / "2025", "phườ" / "ng"). */
const separatorBefore = (tokens: Token[], k: number) =>
  tokens[k]!.lineStart ? joinSeparator(tokens[k - 1]!.text, tokens[k]!.text) : ' ';

/** Words of a run as cell text: lines joined as the layout broke them. */
function runText(tokens: Token[], from: number, to: number): string {
  const parts: string[] = [];
  for (let k = from; k < to; k++) {
    if (k > from) parts.push(separatorBefore(tokens, k));
    parts.push(tokens[k]!.text);
  }
  return cleanCell(parts.join(''));
}

const lowerStart = (text: string) => /^\p{Ll}/u.test(text);
/** A target begins with a comparator, a number, a dash or the words targets start with. */
const TARGET_START =
  /^(?:[≥≤<>=~+]|\d+(?:[.,]\d+)?(?:%|\s|$|-)|[-–](?:\s|$)|[-–]$|(?:phấn|phần|đạt|top|trên|dưới|ít|tối|khoảng|tăng|giảm|duy trì|hoàn thành|không)(?:\s|$))/iu;
const PLURAL = /^[-+•]?\s*các\s/iu;
const FORMAL_PERSON = /^[-+•]?\s*(?:Đồng chí|Đ\/c|đồng chí|Ông|Bà)(?:\s|$)/u;

/** Words that leave a cell unfinished: a title waiting for its unit ("Đồng chí Trưởng" /
 *  "Công an phường"), a conjunction, a hyphen or comma at the end of a line. */
const DANGLING =
  /^(trưởng|phó|giám đốc|chủ tịch|thủ trưởng|đồng chí|pct|ct|phòng|ban|trạm|tổ|đội|trung tâm|văn phòng|công an|ủy ban|và|các|của|với|cho|tại|trên|về)$/iu;
/** A title after a person's name belongs to that person ("Đồng chí Trần Thị Phương" / "PCT
 *  UBND phường"), and a list's next item ("…Công an phường;" / "- Thủ trưởng…") to its list. */
const TITLE = /^(PCT|CT|Phó|Chủ|Trưởng|Bí)$/u;
/** The last word of a leader's title ("PCT", "PCT TT", "Chủ tịch", "Phó Chủ tịch"). */
const OFFICE = /^(PCT|CT|TT|tịch|thư),?$/u;

/** A cut between two words that belong together costs: after a dangling word or a broken
 *  number ("45-" / "50%"), or inside a printed line (cells start lines more often). */
function cutCost(beforeLast: Token | undefined, before: Token, after: Token): number {
  let cost = after.lineStart ? 0 : 0.5;
  // Inside a word a line broke (left apart only after a page break, where a cell's rest
  // may begin with the end of its last word: "Phòn" / "g Văn hóa").
  if (after.lineStart && joinSeparator(before.text, after.text) === '') cost += 4;
  const lastTwo = beforeLast ? `${beforeLast.text} ${before.text}` : '';
  // A dash alone is a target ("-": none that year) after a number or another dash, or
  // before a number or a comparator ("- ≥ 10% 20%"), and joins a unit's name otherwise
  // ("Văn hoá –" / "Xã hội").
  const dash =
    /^[-–]$/.test(before.text) &&
    !/^([-–]|.*\d%?)$/.test(beforeLast?.text ?? '') &&
    !/^[≥≤<>=~]|^\d/.test(after.text);
  if (
    DANGLING.test(before.text) ||
    DANGLING.test(lastTwo) ||
    /\S[-–]$|,$/.test(before.text) ||
    dash
  )
    cost += 3;
  const name = /^\p{Lu}\p{Ll}+,?$/u;
  if (TITLE.test(after.text) && name.test(before.text)) cost += 2;
  // Inside a person's name ("Trần" / "Thị Phương"): two capitalised words, the second not
  // a word any cell starts with.
  else if (name.test(before.text) && name.test(after.text) && !startsSomething(after.text))
    cost += 1.5;
  if (/;$/.test(before.text) && /^[-+•]/.test(after.text)) cost += 2;
  // A leader's title names its council next ("PCT TT" / "UBND phường", "Chủ tịch" / "UBND").
  if (OFFICE.test(before.text) && /^(UBND|HĐND|Ủy|Hội)$/u.test(after.text)) cost += 3;
  return cost;
}

const startsSomething = (word: string) =>
  looksLikeUnit(word) || looksLikePerson(word) || looksLikeDocument(word) || TITLE.test(word);

/** A target's cell is short: a capitalised printed line inside the run ("100" / "Xã hội
 *  hóa") is the next cell — when the run is a line of its own. A run that starts inside a
 *  line follows a one-line cell on that line ("Thứ bậc Phấn đấu top 30 của" / "TP"): its
 *  own next line is its own. */
function capitalLineInside(tokens: Token[], i: number, j: number): boolean {
  if (!tokens[i]!.lineStart) return false;
  for (let k = i + 1; k < j; k++)
    if (
      tokens[k]!.lineStart &&
      /^\p{Lu}/u.test(tokens[k]!.text) &&
      !TARGET_START.test(tokens[k]!.text)
    )
      return true;
  return false;
}

/** Values in a run: "- - 100%" holds three (three cells), "80 - 90%" one (a range). */
function valueCount(text: string): number {
  const ranges = text.replace(/\d+(?:[.,]\d+)?\s*%?\s*[-–]\s*\d+(?:[.,]\d+)?\s*%?/g, 'R');
  return ranges.split(/\s+/).filter((w) => /^(?:[≥≤<>]=?)?(?:\d+(?:[.,]\d+)?%?|R|[-–])$/.test(w))
    .length;
}

/** What the first words of a run say it starts (a unit's name, a person, a document): the
 *  same for every run starting at a word, so read once per word. */
interface Start {
  lower: boolean;
  /** "Các phòng, ban…": units in the plural. */
  plural: boolean;
  unit: boolean;
  formalPerson: boolean;
  person: boolean;
  document: boolean;
}

function startAt(tokens: Token[], i: number): Start {
  const text = tokens
    .slice(i, i + 5)
    .map((t) => t.text)
    .join(' ');
  return {
    lower: lowerStart(text),
    plural: PLURAL.test(text),
    formalPerson: FORMAL_PERSON.test(text),
    ...startKinds(text),
  };
}

/** How well a run fits a column of the given role (higher is better). Cells begin with a
 *  capital, a number or a symbol: a run in lower case continues the cell before. Only short
 *  runs are read whole (targets, units of measure, deadlines are short): the work per run
 *  is bounded. */
function fit(
  role: ColumnRole,
  start: Start,
  words: number,
  raw: string,
  newCellInside = false,
  firstYear = false,
): number {
  if (words === 0) return role === 'name' ? -20 : 0;
  if (role === 'name') return 0;
  if (role === 'year' || role === 'result') {
    if (words <= 8) {
      const t = cleanCell(raw);
      if (TARGET_START.test(t) && looksLikeTarget(t))
        return valueCount(t) > 1 || newCellInside ? -3 : 3;
    }
    // A sentence for every year ("Thực hiện thường xuyên trong các năm") sits in the first
    // year column of the row, the others empty (targets.ts reads it as "all").
    const sentence =
      (role === 'result' || firstYear) &&
      words <= 12 &&
      !start.lower &&
      !(firstYear && (start.unit || start.person || start.document));
    return sentence ? 0.5 : -4;
  }
  if (start.lower) return -4;
  switch (role) {
    case 'unit':
      return words <= 4 && looksLikeMeasure(cleanCell(raw)) ? 3 : -4;
    case 'lead':
    case 'coordinate':
      // A unit's column may name a person ("Đồng chí Thủ trưởng các phòng…"), less often
      // than the person's column beside it does.
      return start.unit ? 3 : start.formalPerson ? 2 : start.person ? 1 : -1;
    case 'director':
    case 'responsible':
      return start.formalPerson ? 3 : start.person || start.unit ? 1.5 : -1;
    case 'output':
      return start.document ? 3 : 0.5;
    case 'deadline':
      return words <= TEXT_WORDS && DEADLINE_HINT.test(raw) && looksLikeDeadline(cleanCell(raw))
        ? 4
        : -3;
    default:
      return 0.5; // a note column (Kinh phí, Ghi chú): anything that starts like a cell
  }
}

/** A row's words (after its number) → one text per column, by the best-scoring cut. */
/** Values a column holds in a table's other rows (valueKey), and for a row a page cut, the
 *  starts of those values (what its first page may show of them). */
export interface ColumnValues {
  whole: Array<Set<string> | undefined>;
  starts?: Array<Set<string> | undefined>;
}

/** How much a run that reads as a value the column holds elsewhere is favoured. */
const KNOWN_VALUE = 2;
/** …and a run a page cut that reads as the start of one ("Phòn" / "Đồng"). */
const KNOWN_START = 3;

/** What the table and the document tell the cutting of a row's words: values its columns
 *  hold elsewhere, whether one-line cells share printed lines, and the pairs of words the
 *  document writes on either side of a dash (flatTables.ts dashJoins). */
export interface RowContext {
  values?: ColumnValues;
  shared?: boolean;
  joins?: Set<string>;
}

export function segmentRow(
  code: string,
  lines: string[],
  columns: Column[],
  { values, shared = false, joins }: RowContext = {},
): string[] {
  const cells = columns.map(() => '');
  const codeAt = Math.max(
    0,
    columns.findIndex((c) => c.role === 'code'),
  );
  cells[codeAt] = code;
  const order = columns.map((_, i) => i).filter((i) => i !== codeAt);
  const tokens = tokensOf(lines);
  const n = tokens.length;
  // A run's fit depends on its role and words only: the year columns share one evaluation.
  const memo = new Map<string, Float64Array>();
  const firstYearAt = order.findIndex((k) => columns[k]!.role === 'year');
  const starts = tokens.map((_, i) => startAt(tokens, i));
  const coordinated = columns.some((c) => c.role === 'coordinate');
  const fitOf = (c: number, i: number, j: number, text: string) => {
    const role = columns[order[c]!]!.role;
    if (role === 'name' || j === i) return fit(role, starts[i]!, j - i, text);
    const first = c === firstYearAt;
    const key = first ? 'first-year' : role;
    let table = memo.get(key);
    if (!table) memo.set(key, (table = new Float64Array((n + 1) * (MAX_RUN + 1)).fill(NaN)));
    const at = i * (MAX_RUN + 1) + (j - i);
    if (Number.isNaN(table[at]!)) {
      const inside = (role === 'year' || role === 'result') && capitalLineInside(tokens, i, j);
      table[at] = fit(role, starts[i]!, j - i, text, inside, first);
    }
    // Beside a coordinating column, units in the plural ("Các phòng, ban…") are the ones
    // coordinating more often than the one leading: a lead merged over several rows is
    // printed once, and the rows below show only the coordinating units.
    const plural = role === 'lead' && coordinated && starts[i]!.plural ? -1 : 0;
    return table[at]! + plural + (values ? knownBonus(order[c]!, i, j, text) : 0);
  };
  // A run's text as compared with the column's values elsewhere, read once per run.
  const keys = new Map<number, string>();
  const knownBonus = (column: number, i: number, j: number, text: string) => {
    const whole = values!.whole[column];
    const starts = values!.starts?.[column];
    if ((!whole && !starts) || j - i > TEXT_WORDS) return 0;
    const at = i * (TEXT_WORDS + 1) + (j - i);
    let key = keys.get(at);
    if (key === undefined) keys.set(at, (key = valueKey(text)));
    return whole?.has(key) ? KNOWN_VALUE : starts?.has(key) ? KNOWN_START : 0;
  };
  const unbounded = order.map((k) => columns[k]!.role === 'name');
  bestCut(tokens, unbounded, fitOf, shared, joins).forEach((text, c) => (cells[order[c]!] = text));
  return cells;
}

/** The rest of a row cut by a page break (the lines after the repeated header), cut into
 *  the same columns and joined to what each cell showed on the page before. Every cell
 *  begins on the first page, so only a cell with text there goes on. */
export function continueRow(
  pieces: string[][],
  lines: string[],
  columns: Column[],
  { values, shared = false, joins }: RowContext = {},
): string[] {
  const known = values?.whole ?? [];
  const order = columns.map((_, i) => i).filter((i) => columns[i]!.role !== 'code');
  // Words broken at a line's end stay apart: a cell's rest may begin with the end of the
  // word its first page ended with.
  const tokens = tokensOf(lines, false);
  // What each cell showed on the pages before (its pieces), read once and only at its ends:
  // a row cut by many pages grows long.
  const before = order.map((k) => {
    const parts = pieces[k]!;
    const role = columns[k]!.role;
    const text = parts.length === 1 ? parts[0]! : '';
    const words = text.split(' ');
    const tail = (parts.at(-1) ?? '').slice(-60).split(' ');
    // A value whose kind the text shows (a deadline, a target, a unit of measure) must
    // still read as one when continued; only short ones are read.
    const typed =
      ['deadline', 'unit', 'year', 'result'].includes(role) && text !== '' && text.length <= 80;
    return {
      empty: parts.length === 0,
      whole: text,
      known: known[k],
      last: tail.at(-1)!,
      role,
      typed,
      start: startOf(text),
      fit: typed ? fit(role, startOf(text), words.length, text) : 0,
      words: words.length,
      open:
        /[-–,]$/.test(tail.at(-1)!) ||
        DANGLING.test(tail.at(-1)!) ||
        DANGLING.test(tail.slice(-2).join(' ')),
    };
  });
  const fitOf = (c: number, i: number, j: number, text: string) => {
    const cell = before[c]!;
    if (j === i) return 0;
    if (cell.empty) return -50;
    if (cell.typed) {
      if (j - i > TEXT_WORDS) return -3;
      const joined = joinBroken(cell.whole, cleanCell(text));
      if (fit(cell.role, cell.start, cell.words + j - i, joined) < cell.fit) return -3;
    }
    // A cell goes on at a line in lower case ("Trung tâm" / "phục vụ"), or after a word
    // that leaves it open ("Trung tâm" / "PVHCC"). Inside a line nothing tells one cell's
    // words from the next one's ("PVHCC được giao"): the line stays with one cell.
    // The name, the longest cell, is the one that most often goes on (in lower case, at a
    // line's start); another cell must show it is open, and takes as few words as it can.
    // The end of a word the page before broke ("Phòn" / "g") is that cell's.
    const mends =
      tokens[i]!.lineStart && cell.last !== '' && joinSeparator(cell.last, tokens[i]!.text) === '';
    const bonus =
      (mends ? 5 : 0) +
      (cell.known &&
      j - i <= TEXT_WORDS &&
      cell.known.has(valueKey(joinBroken(cell.whole, cleanCell(text))))
        ? 3
        : 0);
    if (cell.role === 'name')
      return 0.5 + (lowerStart(text) && tokens[i]!.lineStart ? 1 : 0) + bonus;
    return -1.2 + (cell.open ? 1.5 : 0) - 0.01 * (j - i) + bonus;
  };
  const unbounded = order.map((k) => columns[k]!.role === 'name');
  const out = columns.map(() => '');
  bestCut(tokens, unbounded, fitOf, shared, joins).forEach((text, c) => (out[order[c]!] = text));
  return out;
}

/** Two words either side of a dash as a key (flatTables.ts dashJoins). */
export const joinKey = (before: string, after: string) =>
  `${searchKey(before).replace(/[^\p{L}\d]/gu, '')}-${searchKey(after).replace(/[^\p{L}\d]/gu, '')}`;

/** A cell's text as compared with the values of other rows: letters and digits only. */
export const valueKey = (text: string) =>
  searchKey(text)
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();

/** A cell's pieces (one per page) as one text, joined as the layout broke them. */
export function joinPieces(parts: string[]): string {
  const out: string[] = [];
  parts.forEach((part, k) => {
    if (k > 0 && out.length) out.push(joinSeparator(parts[k - 1]!, part));
    out.push(part);
  });
  return out.join('');
}

function startOf(text: string): Start {
  return {
    lower: lowerStart(text),
    plural: PLURAL.test(text),
    formalPerson: FORMAL_PERSON.test(text),
    ...startKinds(text),
  };
}

/** The best way to give each column (in order) a run of consecutive words: dynamic
 *  programming over word positions, each run scored by `fitOf`, cuts by `cutCost`. Runs
 *  are at most MAX_RUN words except in `unbounded` columns: linear in the row. */
function bestCut(
  tokens: Token[],
  unbounded: boolean[],
  fitOf: (c: number, i: number, j: number, text: string) => number,
  shared: boolean,
  joins?: Set<string>,
): string[] {
  const n = tokens.length;
  // A line that starts with a dash the document writes inside a name ("Phòng Văn hoá" /
  // "– Xã hội" where it also prints "Văn hoá – Xã hội") goes on the cell above.
  const joined = (k: number) =>
    !!joins &&
    /^[-–]$/.test(tokens[k]!.text) &&
    k + 1 < n &&
    /\p{L}$/u.test(tokens[k - 1]!.text) &&
    /^\p{Lu}/u.test(tokens[k + 1]!.text) &&
    joins.has(joinKey(tokens[k - 1]!.text, tokens[k + 1]!.text));
  const columns = unbounded.length;
  const NEG = -Infinity;
  // best[c][i]: the best score giving tokens [0, i) to the first c columns.
  const best: Float64Array[] = unbounded.map(() => new Float64Array(n + 1).fill(NEG));
  const from: Int32Array[] = unbounded.map(() => new Int32Array(n + 1).fill(-1));
  for (let c = 0; c < columns; c++) {
    for (let i = 0; i <= n; i++) {
      const base = c === 0 ? (i === 0 ? 0 : NEG) : best[c - 1]![i]!;
      if (base === NEG) continue;
      const cut =
        i > 0 && i < n
          ? cutCost(tokens[i - 2], tokens[i - 1]!, tokens[i]!) + (joined(i) ? 3 : 0)
          : 0;
      const last = unbounded[c] ? n : Math.min(n, i + MAX_RUN);
      let text = '';
      let lines = 1;
      for (let j = i; j <= last; j++) {
        // Only short runs are ever read whole (see fit): their text is built as j grows.
        if (j > i && j - i <= TEXT_WORDS)
          text += (j - 1 > i ? separatorBefore(tokens, j - 1) : '') + tokens[j - 1]!.text;
        if (j - 1 > i && tokens[j - 1]!.lineStart) lines++;
        // A cell broken over printed lines ends where a line ends: the viewer starts a new
        // line wherever the drawing moves up or down, and the next cell starts at the top.
        // Where the viewer ran one-line cells together (`shared`: every cell begins at the
        // top of the row, so a one-line cell shares its printed line with the next cell), a
        // run that is a whole printed line of its own with more after it is the end of the
        // cell before ("…đạt mức" / "2 trở lên." / "> 75% > 95% …").
        const open =
          j < n &&
          (lines > 1
            ? !tokens[j]!.lineStart
            : shared && j > i && tokens[i]!.lineStart && tokens[j]!.lineStart)
            ? LINE_SPLIT
            : 0;
        const score = base + fitOf(c, i, j, text) - (j > i ? cut + open : 0);
        if (score > best[c]![j]!) {
          best[c]![j] = score;
          from[c]![j] = i;
        }
      }
    }
  }
  const out = unbounded.map(() => '');
  let j = n;
  for (let c = columns - 1; c >= 0; c--) {
    const i = from[c]![j]!;
    if (i < 0) break;
    out[c] = runText(tokens, i, j);
    j = i;
  }
  return out;
}

/** Header words → column headers: a column begins at a capitalised word ("Nội dung", "Cơ
 *  quan…", "Năm 2025") or at a year standing alone; acronyms ("TT", "UBND") and words in
 *  lower case continue the column before. */
export function splitHeader(lines: string[]): string[] {
  // A lower header row drawn to the left of the line above runs into it with no space
  // between ("Sản phẩm" / "đầu ra2025 2030", "Nguồn vốnNăm" / "2025"): a year, or a
  // capitalised word, stuck to a word in lower case is a word of its own. Words a narrow
  // column broke ("Nguồ" / "n vốn") are put back together.
  const words = lines
    .reduce(joinBroken, '')
    .split(/\s+/)
    .flatMap((w) => {
      const glued = w.length <= 40 ? /^(.*\p{Ll})((?:19|20)\d{2}|\p{Lu}\p{Ll}+)$/u.exec(w) : null;
      return glued ? [glued[1]!, glued[2]!] : [w];
    })
    .filter(Boolean);
  const headers: string[] = [];
  words.forEach((word, k) => {
    const previous = searchKey(words[k - 1] ?? '');
    const titleCase = /^\p{Lu}\p{Ll}/u.test(word) || /^[\p{Lu}Đ]$/u.test(word);
    const year = /^(19|20)\d{2}$/.test(word) && !/^(nam|den)$/.test(previous);
    const number = /^\(\d{1,2}\)$/.test(word);
    // An abbreviated header of its own ("ĐVT", "STT"), not one inside a header ("Số TT").
    const abbreviation =
      /^[\p{Lu}Đ]{2,}$/u.test(word) && roleOfHeader(word) !== 'unknown' && previous !== 'so';
    if (headers.length === 0 || titleCase || year || number || abbreviation) headers.push(word);
    else headers[headers.length - 1] += ` ${word}`;
  });
  return headers.map(cleanCell);
}
