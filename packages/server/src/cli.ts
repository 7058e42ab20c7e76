import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/dialect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { backupDatabase, restoreDatabase } from './db/backup.ts';
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from './demo/seed.ts';
import { startServer, stopOnSignals } from './server.ts';
import { extraCommands } from './cli-commands.ts';

const HELP = `Tiến độ — theo dõi kế hoạch thực hiện Nghị quyết 57-NQ/TW

Cách dùng: tiendo <lệnh> [tuỳ chọn]

Lệnh:
  serve               Chạy máy chủ web (mặc định http://localhost:3000)
  migrate             Cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất
  import --json TỆP   Đọc kế hoạch (.txt, .docx, .pdf) và in bản nháp JSON ra stdout
  backup TỆP          Sao lưu cơ sở dữ liệu vào TỆP
  restore TỆP         Khôi phục cơ sở dữ liệu từ TỆP (dừng máy chủ trước khi khôi phục SQLite)
  seed-demo           Tạo dữ liệu mẫu từ bốn kế hoạch mẫu (chỉ khi cơ sở dữ liệu trống)

Tuỳ chọn chung:
  -h, --help          Hiện hướng dẫn này

Biến môi trường:
  DATABASE_URL        postgres://… để dùng PostgreSQL; mặc định là tệp SQLite data/tiendo.sqlite
  PORT, HOST          Cổng và địa chỉ lắng nghe (mặc định 3000, 0.0.0.0)
  TIENDO_DATA_DIR     Thư mục dữ liệu (mặc định ./data)
  TIENDO_SEED_DEMO=0  Không tự tạo dữ liệu mẫu khi cơ sở dữ liệu trống
  TIENDO_DEMO_ACTIVITY=0  Dữ liệu mẫu không kèm kỳ báo cáo, báo cáo đã gửi, trả lại, duyệt
`;

export class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '-h' || command === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { port: { type: 'string' } } });
      const server = await startServer(
        values.port ? { ...config, port: Number(values.port) } : config,
      );
      stopOnSignals(server);
      console.error(`Tiến độ đang chạy tại ${server.url.replace('0.0.0.0', 'localhost')}`);
      return -1; // keep running
    }
    case 'migrate': {
      const db = await openDatabase(config.databaseUrl);
      const applied = await migrateToLatest(db);
      await db.close();
      console.error(
        applied.length
          ? `Đã áp dụng: ${applied.join(', ')}`
          : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.',
      );
      return 0;
    }
    case 'backup':
    case 'restore': {
      const file = rest[0];
      if (!file) throw new UsageError(`Thiếu tên tệp: tiendo ${command} TỆP`);
      if (command === 'backup') await backupDatabase(config.databaseUrl, file);
      else await restoreDatabase(config.databaseUrl, file);
      console.error(command === 'backup' ? `Đã sao lưu vào ${file}` : `Đã khôi phục từ ${file}`);
      return 0;
    }
    case 'seed-demo': {
      const db = await openDatabase(config.databaseUrl);
      await migrateToLatest(db);
      if (!(await isDatabaseEmpty(db.db))) {
        await db.close();
        console.error('Cơ sở dữ liệu đã có dữ liệu; không tạo dữ liệu mẫu.');
        return 1;
      }
      const summary = await seedDemo(db.db, undefined, { activity: config.demoActivity });
      await db.close();
      console.error(
        `Đã tạo ${summary.plans} kế hoạch mẫu. Tài khoản (mật khẩu ${DEMO_PASSWORD}): ${summary.users.join(', ')}`,
      );
      return 0;
    }
    default: {
      const extra = extraCommands[command];
      if (extra) return extra(rest);
      throw new UsageError(`Lệnh không hợp lệ: ${command}. Xem: tiendo --help`);
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Lỗi: ${message}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
