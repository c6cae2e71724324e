// The API reports of the three entry points (etc/*.api.md), by api-extractor from dist/*.d.ts:
// what a user can import, with each symbol's release tag (@public / @internal). Review a change of
// the public API as a diff of these files.
//
//   npm run api          rebuilds dist/ and rewrites the reports
//   npm run api:check    (in `npm test`) exits 1 when a report is stale: run `npm run api`
//
// A missing release tag, or an exported type that names one the entry point does not export
// (ae-forgotten-export), is written into the report as a warning rather than failing the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

/** Entry point (under dist/) and report name, one per entry of package.json's `exports`. */
const ENTRIES = [
  ['index.d.ts', 'zim-resilience.api.md'],
  ['mock/index.d.ts', 'zim-resilience-mock.api.md'],
  ['callbacks/index.d.ts', 'zim-resilience-callbacks.api.md'],
];

const temp = mkdtempSync(join(tmpdir(), 'zim-api-'));
let failed = 0;
try {
  for (const [entry, report] of ENTRIES) {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: root,
        mainEntryPointFilePath: `<projectFolder>/dist/${entry}`,
        compiler: { tsconfigFilePath: '<projectFolder>/tsconfig.build.json' },
        apiReport: {
          enabled: true,
          reportFileName: report,
          reportFolder: '<projectFolder>/etc/',
          reportTempFolder: temp,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: 'warning' } },
          extractorMessageReporting: {
            default: { logLevel: 'warning', addToApiReportFile: true },
            'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
          },
          tsdocMessageReporting: { default: { logLevel: 'none' } },
        },
      },
      configObjectFullPath: join(root, 'api-extractor.json'),
      packageJsonFullPath: join(root, 'package.json'),
    });
    const result = Extractor.invoke(config, { localBuild: !check, showVerboseMessages: false });
    if (!result.succeeded) {
      failed++;
      console.error(
        `api-report: etc/${report} ${result.apiReportChanged ? 'is stale: run npm run api' : 'failed'} (${result.errorCount} errors, ${result.warningCount} warnings)`,
      );
    } else if (result.apiReportChanged) console.log(`api-report: wrote etc/${report}`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log(`api-report: ${ENTRIES.length} reports ${check ? 'up to date' : 'written'}`);
