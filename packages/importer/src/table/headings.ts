// What stands above a table: the appendix it belongs to ("PHỤ LỤC 2", "Phụ lục I") and the
// few heading lines before it ("CÁC CHỈ TIÊU…", "NHIỆM VỤ TRỌNG TÂM…"), which say whether
// it lists indicators or tasks. Every reader feeds its body lines through one tracker.

const APPENDIX = /^\s*(PHỤ LỤC|Phụ lục|PHỤ LỤC SỐ|Phụ lục số)\s*([0-9]+|[IVXLC]+)?\b\s*[:.-]?/u;

export function appendixLabel(line: string): string | null {
  const match = APPENDIX.exec(line);
  if (!match) return null;
  return match[2] ? `${match[1]} ${match[2]}` : match[1]!;
}

export class HeadingTracker {
  label: string | null = null;
  private lines: string[] = [];

  /** A line of body text; an appendix heading starts a new appendix (and is returned). */
  see(line: string): string | null {
    const text = line.trim();
    if (!text) return null;
    const appendix = appendixLabel(text);
    if (appendix) [this.label, this.lines] = [appendix, [text]];
    else this.lines = [...this.lines, text].slice(-4);
    return appendix;
  }

  /** The headings of the table that starts here; the next table starts with none. */
  take(): { label: string | null; heading: string[] } {
    const taken = { label: this.label, heading: this.lines };
    this.lines = [];
    return taken;
  }
}
