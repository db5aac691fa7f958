/** Before any test: build the web app when its build is missing or stale (browser tests need it). */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-web.ts', '--if-needed'], { stdio: 'inherit' });
}
