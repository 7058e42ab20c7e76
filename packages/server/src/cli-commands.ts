import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ImportError, importPlan, MAX_INPUT_BYTES } from '@tiendo/importer';

// Commands contributed by other domains, keyed by name.

/** tiendo import [--json] FILE: prints the PlanDraft JSON (only JSON on stdout). */
async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file) {
    console.error('Thiếu tên tệp: tiendo import --json TỆP');
    return 2;
  }
  try {
    const size = statSync(file).size;
    if (size > MAX_INPUT_BYTES)
      throw new ImportError(`Tệp quá lớn (${Math.round(size / 1048576)} MB).`);
    const draft = await importPlan({ filename: file, bytes: readFileSync(file) });
    if (values.json) process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
    else {
      console.error(
        `${draft.plan.title}\n${draft.indicators.length} chỉ tiêu, ${draft.tasks.length} nhiệm vụ.`,
      );
      for (const w of draft.warnings ?? []) console.error(`Cảnh báo (${w.where}): ${w.message}`);
    }
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') console.error(`Không tìm thấy tệp: ${file}`);
    else if (code === 'EISDIR') console.error(`${file} là thư mục, không phải tệp.`);
    else if (error instanceof ImportError)
      console.error(`Không đọc được kế hoạch: ${error.message}`);
    else throw error;
    return 2;
  }
}

export const extraCommands: Record<string, (args: string[]) => Promise<number>> = {
  import: importCommand,
};
