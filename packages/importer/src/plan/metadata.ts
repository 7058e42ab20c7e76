import { searchKey, type PlanMetadata } from '@tiendo/core';
import { joinBroken } from '../text/decode.ts';
import { appendixLabel } from '../table/headings.ts';

// Plan metadata from the body of a Vietnamese administrative plan (Decree 30/2020/NĐ-CP
// layout): "Số: …/KH-UBND", the place-and-date line, "KẾ HOẠCH" and its title, the opening
// paragraph citing the documents it implements, the organisation section naming the focal
// unit and the reporting duties, and the signature block.

type Body = { lines: string[]; text: string };

export function bodyOf(lines: string[]): Body {
  const end = lines.findIndex(
    (l) =>
      appendixLabel(l) !== null &&
      !l.includes('\t') &&
      /^\s*(PHỤ LỤC|Phụ lục)/.test(l) &&
      isStandaloneHeading(l),
  );
  const body = (end < 0 ? lines : lines.slice(0, end)).map((l) => l.trim());
  // Text flattened from a PDF breaks every printed line and puts blank lines between them:
  // blank lines then carry no paragraph meaning; sentences are found by punctuation alone.
  const text = isFlattened(body) ? joinLines(body.filter((l) => l !== '')) : joinLines(body);
  return { lines: body, text };
}

/** Most printed lines break mid-sentence: the next non-empty line starts in lower case. */
function isFlattened(lines: string[]): boolean {
  const nonEmpty = lines.filter((l) => l !== '');
  const midSentence = nonEmpty.filter((_, i) => /^\p{Ll}/u.test(nonEmpty[i + 1] ?? '')).length;
  return midSentence > nonEmpty.length * 0.25;
}

function isStandaloneHeading(line: string): boolean {
  // "Phụ lục 1" inside running text is a reference, not the appendix itself.
  return line.trim().length < 160 && !/\(.*[Pp]hụ lục/.test(line);
}

function joinLines(lines: string[]): string {
  return lines.reduce(
    (acc, line) =>
      line === ''
        ? `${acc}\n`
        : acc.endsWith('\n') || acc === ''
          ? acc + line
          : joinBroken(acc, line),
    '',
  );
}

const DOC_TYPES =
  'Nghị quyết|Kế hoạch hành động|Kế hoạch|Chương trình hành động|Chương trình|Quyết định|Chỉ thị|Kết luận|Thông báo|Nghị định|Thông tư|Công văn|Đề án';
const DOC_NUMBER = String.raw`\d+[\p{L}\d]*(?:[-/][\p{L}\d]+)+`;

export function extractMetadata(allLines: string[]): PlanMetadata {
  const body = bodyOf(allLines);
  const issuer = findIssuer(body.text);
  const { title, openingEnd, titleStart } = findTitle(body.lines);
  const opening = joinLines(body.lines.slice(titleStart, openingEnd)).replace(/\n/g, ' ');
  return {
    issuer: issuer?.issuer ?? '',
    locality: issuer?.locality ?? null,
    number: findNumber(allLines),
    date: findDate(allLines),
    title,
    signer: findSigner(body.lines),
    basis: findBasis(opening, /Ủy ban nhân dân/.test(body.text)),
    replaces: findReplaces(body.text),
    focal_unit: findFocalUnit(body),
    reporting: findReporting(body.text),
  };
}

function findIssuer(text: string): { issuer: string; locality: string } | null {
  const flat = text.replace(/\s+/g, ' ');
  const name = String.raw`((?:xã|phường|đặc khu)\s+[\p{Lu}Đ][\p{L}]*(?:\s+[\p{Lu}Đ][\p{L}]*)*)`;
  const full = new RegExp(String.raw`([ỦU][yỷ] ban nhân dân)\s+${name}`, 'u').exec(flat);
  if (full) return { issuer: `Ủy ban nhân dân ${full[2]}`, locality: full[2]! };
  const short = new RegExp(String.raw`UBND\s+${name}`, 'u').exec(flat);
  if (short) return { issuer: `UBND ${short[1]}`, locality: short[1]! };
  return headingIssuer(text);
}

/** The heading block in capitals: "ỦY BAN NHÂN DÂN" / "XÃ TÂN HƯNG". */
function headingIssuer(text: string): { issuer: string; locality: string } | null {
  const m =
    /(?:ỦY|UỶ) BAN NHÂN DÂN\s+(XÃ|PHƯỜNG|ĐẶC KHU)\s+((?:[\p{Lu}Đ]+)(?:[ \t]+(?!CỘNG(?![\p{L}]))[\p{Lu}Đ]+){0,4})(?![\p{L}])/u.exec(
      text,
    );
  if (!m) return null;
  const title = (w: string) => w.charAt(0) + w.slice(1).toLocaleLowerCase('vi');
  const name = m[2]!.split(/\s+/);
  const locality = `${m[1]!.toLocaleLowerCase('vi')} ${name.map(title).join(' ')}`;
  return { issuer: `Ủy ban nhân dân ${locality}`, locality };
}

function findTitle(lines: string[]): { title: string; titleStart: number; openingEnd: number } {
  const start = lines.findIndex((l) => /^KẾ HOẠCH$/.test(l.trim()));
  if (start < 0) return { title: '', titleStart: 0, openingEnd: Math.min(lines.length, 40) };
  const parts: string[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    if (parts.length > 0 && /^(Thực hiện|Căn cứ|Để|Nhằm|Triển khai)(?=\s)/u.test(line)) break;
    if (/^(I|1)\.\s/.test(line)) break;
    parts.push(line);
  }
  const openingEnd = lines.findIndex((l, j) => j >= i && /^(I\.|1\.)\s/.test(l));
  return {
    title: parts.reduce(joinBroken, '').replace(/\s+/g, ' ').trim(),
    titleStart: start + 1,
    openingEnd: openingEnd < 0 ? i + 5 : openingEnd,
  };
}

function findNumber(lines: string[]): string | null {
  for (const line of lines.slice(0, 30)) {
    const m = /Số:\s*(\d+)\s*\/\s*([\p{Lu}Đ][\p{L}\d-]*(?:\/[\p{L}\d-]+)*)/u.exec(line);
    if (m) return `${m[1]}/${m[2]}`;
  }
  for (const line of lines) {
    const m = /Kèm theo [^)]*?số\s+(\d+)\s*\/\s*([\p{Lu}Đ][\p{L}\d-]*(?:\/[\p{L}\d-]+)*)/u.exec(
      line,
    );
    if (m) return `${m[1]}/${m[2]}`;
  }
  return null;
}

/** The most precise date the document gives: the place-date line, refined by "(Kèm theo … ngày …)". */
function findDate(lines: string[]): string | null {
  const candidates: Array<{ y: number; m?: number; d?: number }> = [];
  // The place-date line may come in pieces (a PDF's blanks left for the day and month).
  const head = lines
    .slice(0, 30)
    .filter((l) => l.trim())
    .join(' ');
  {
    const m = /,\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/.exec(head);
    if (m)
      candidates.push({
        y: Number(m[3]),
        m: m[2] ? Number(m[2]) : undefined,
        d: m[1] ? Number(m[1]) : undefined,
      });
  }
  for (const [index, first] of lines.entries()) {
    if (!/Kèm theo/.test(first)) continue;
    const line = [
      first,
      ...lines
        .slice(index + 1, index + 6)
        .filter((l) => l.trim())
        .slice(0, 3),
    ].join(' ');
    const slash = /ngày\s*(\d{1,2})?\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/.exec(line);
    const words = /ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/.exec(line);
    const m = slash ?? words;
    if (m)
      candidates.push({
        y: Number(m[3]),
        m: m[2] ? Number(m[2]) : undefined,
        d: m[1] ? Number(m[1]) : undefined,
      });
  }
  if (candidates.length === 0) return null;
  const first = candidates[0]!;
  const agreeing = candidates.filter(
    (c) => c.y === first.y && (!first.m || !c.m || c.m === first.m),
  );
  const best = agreeing.sort((a, b) => precision(b) - precision(a))[0]!;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (best.m && best.d) return `${best.y}-${pad(best.m)}-${pad(best.d)}`;
  return best.m ? `${best.y}-${pad(best.m)}` : String(best.y);
}

const precision = (c: { m?: number; d?: number }) => (c.m ? 1 : 0) + (c.m && c.d ? 1 : 0);

function findSigner(lines: string[]): PlanMetadata['signer'] {
  const from = Math.max(
    0,
    lines.findIndex((l) => /^Nơi nhận/.test(l)),
  );
  const authority: string[] = [];
  const position: string[] = [];
  let name: string | null = null;
  for (const line of lines.slice(from)) {
    if (/^(TM|KT|Q|TL|TUQ)\.\s/.test(line) && !name) {
      authority.push(line);
      continue;
    }
    if (authority.length === 0) continue;
    if (line === '' || /^\(?(đã ký|Đã ký|ký)/.test(line) || /^-/.test(line)) continue;
    if (line === line.toUpperCase() && /\p{Lu}/u.test(line) && !name) {
      position.push(line);
      continue;
    }
    if (!name && /^[\p{Lu}Đ][\p{Ll}]+(\s+[\p{Lu}Đ][\p{Ll}]+){1,5}$/u.test(line)) {
      name = line;
      break;
    }
  }
  if (authority.length === 0 && !name) return null;
  return { name, position: position.join(' ') || null, authority: authority.join(' / ') || null };
}

function findBasis(opening: string, spellsOutUbnd: boolean): PlanMetadata['basis'] {
  const pattern = new RegExp(
    String.raw`(?:${DOC_TYPES})\s+(?:số\s+)?(${DOC_NUMBER})\s*,?\s*(?:ngày\s+(\d{1,2})\s*(?:\/|tháng)\s*(\d{1,2})\s*(?:\/|năm)\s*(\d{4}))?(?:\s*của\s+(.+?)(?=\s+(?:về|sửa đổi|và|trên|thực hiện|đã)(?=[\s,])|[;,.(]|$))?`,
    'gu',
  );
  const basis: PlanMetadata['basis'] = [];
  const matches = [...opening.matchAll(pattern)];
  matches.forEach((m, i) => {
    const number = m[1]!;
    const date = m[4] ? `${m[4]}-${m[3]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : null;
    let issuer = m[5]?.trim() ?? sharedIssuer(opening, m, matches[i + 1]);
    if (issuer && spellsOutUbnd) issuer = issuer.replace(/^UBND\b/, 'Ủy ban nhân dân');
    const known = basis.find((b) => b.number === number);
    if (known) {
      known.date ??= date;
      // A later, fuller wording of the same issuer ("… Đảng ủy phường" → "… phường Kiến An").
      const fuller =
        issuer &&
        known.issuer &&
        issuer.startsWith(known.issuer) &&
        issuer.length > known.issuer.length;
      if (issuer && (!known.issuer || fuller)) known.issuer = issuer;
    } else basis.push({ number, date, issuer });
  });
  return basis;
}

/** "Chương trình số 89-CTr/TU ngày …, Kế hoạch số 475-KH/TU ngày … của Ban Thường vụ Thành ủy": both share the issuer. */
function sharedIssuer(
  text: string,
  match: RegExpMatchArray,
  next: RegExpMatchArray | undefined,
): string | null {
  if (!next?.[5]) return null;
  const between = text.slice(match.index! + match[0].length, next.index);
  return /^[\s),]*(và)?\s*$/.test(between) ? next[5].trim() : null;
}

function findReplaces(text: string): string[] {
  const pattern = new RegExp(
    String.raw`thay thế\s+(?:cho\s+)?(?:${DOC_TYPES})\s+số\s+(${DOC_NUMBER})`,
    'gu',
  );
  return [...new Set([...text.replace(/\s+/g, ' ').matchAll(pattern)].map((m) => m[1]!))];
}

const UNIT_WORDS = '[Pp]hòng|Văn phòng|Trung tâm|Ban|Công an';

function findFocalUnit(body: Body): string | null {
  const sentences = body.text.split(/\n|(?<=\.)\s+/);
  for (const sentence of sentences) {
    if (!/đôn đốc|đầu mối|tổng hợp/.test(sentence)) continue;
    const m = new RegExp(
      String.raw`Giao\s+(${UNIT_WORDS})\s+(.+?)\s+(?:là cơ quan thường trực,?\s*)?(?:chủ trì|làm đầu mối|là cơ quan đầu mối)`,
      'u',
    ).exec(sentence);
    if (m) return capitalise(`${m[1]} ${m[2]}`.trim());
  }
  // "1. Phòng Văn hóa - Xã hội xã" followed by "- Là cơ quan đầu mối / thường trực…"
  const index = body.lines.findIndex((l) =>
    /^[-+•]?\s*(Là|Giữ vai trò) (cơ quan|đơn vị) (đầu mối|thường trực|chủ trì)/u.test(l),
  );
  for (let i = index - 1; index > 0 && i >= 0 && i > index - 4; i--) {
    const m = new RegExp(String.raw`^\d+\.\s*((?:${UNIT_WORDS})\s.+)$`, 'u').exec(body.lines[i]!);
    if (m) return capitalise(m[1]!.trim());
  }
  return null;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every reporting duty: each "định kỳ … báo cáo" (several may share a sentence) and each
 *  ad hoc duty ("báo cáo đột xuất", "khi có yêu cầu"). */
function findReporting(text: string): PlanMetadata['reporting'] {
  const out: PlanMetadata['reporting'] = [];
  // Sentences, and the numbered points a flattened text runs together ("… báo cáo 2- Giao").
  const sentences = text.split(/\n|(?<=[.;])\s+|\s+(?=\d{1,2}\s?[-.)]\s+\p{Lu})/u);
  for (const sentence of sentences) {
    const starts = [...sentence.matchAll(/[Đđ]ịnh kỳ|[Bb]áo cáo đột xuất/gu)].map((m) => m.index);
    starts.forEach((at, k) => {
      const fragment = sentence
        .slice(at, starts[k + 1] ?? sentence.length)
        .replace(/[\s,.;]+(và|đồng thời)?\s*$/u, '')
        .trim();
      if (!/báo cáo/i.test(fragment)) return;
      const frequency = frequencyOf(searchKey(fragment));
      const dues = dueDates(fragment);
      if (dues.length === 0) out.push({ frequency, due: null, text: fragment });
      for (const due of dues) out.push({ frequency, due, text: fragment });
    });
  }
  return out;
}

function frequencyOf(key: string): PlanMetadata['reporting'][number]['frequency'] {
  if (/dot xuat|khi co yeu cau/.test(key)) return 'adhoc';
  if (/6 thang|sau thang|06 thang/.test(key)) return 'semiannual';
  if (/(hang|hang) quy/.test(key)) return 'quarterly';
  if (/(hang|hang) thang/.test(key)) return 'monthly';
  if (/(hang|hang) nam|cuoi nam|mot nam|01 nam/.test(key)) return 'annual';
  return 'adhoc';
}

/** "trước ngày 25/5 và 15/11" → ["05-25", "11-15"]. */
function dueDates(fragment: string): string[] {
  const list =
    /(?:trước|chậm nhất|không quá)\s+ngày\s+((?:\d{1,2}\/\d{1,2})(?:\s*(?:,|và)\s*(?:ngày\s+)?\d{1,2}\/\d{1,2})*)/.exec(
      fragment,
    );
  if (!list) return [];
  return [...list[1]!.matchAll(/(\d{1,2})\/(\d{1,2})/g)].map(
    (m) => `${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`,
  );
}
