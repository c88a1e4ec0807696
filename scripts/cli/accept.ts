/** `npm run data -- --accept <id>`: show what the mirror's new file changes, then record its sha256 and rows. */
import { join, relative } from 'node:path';
import { acceptSource } from '../pipeline/accept/accept-source.ts';
import { PipelineError } from '../pipeline/errors.ts';
import { PROJECT_DIR, downloadDir, releaseDir, sourcesDir } from './options.ts';

export async function acceptCommand(sourceId: string | undefined): Promise<number> {
  if (!sourceId || sourceId.startsWith('--')) {
    console.error('usage: npm run data -- --accept <source-id>');
    return 2;
  }
  try {
    const out = await acceptSource({
      projectDir: PROJECT_DIR,
      manifestDir: join(PROJECT_DIR, 'data', 'sources'),
      sourcesDir: sourcesDir(),
      downloadDir: downloadDir(),
      outDir: releaseDir(),
      sourceId,
    });
    console.log(out.text);
    console.log(`\n${relative(PROJECT_DIR, out.manifestPath)}: sha256 and rows recorded. Review with git diff; npm run data builds the release.`);
    return 0;
  } catch (e) {
    if (e instanceof PipelineError) {
      console.error(`nothing accepted; the manifest is untouched.\n${e.message}`);
      return 1;
    }
    throw e;
  }
}
