import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A key and a self-signed certificate, PEM. */
export interface TestCert {
  readonly key: string;
  readonly cert: string;
}

/**
 * A fresh self-signed certificate for 127.0.0.1 and localhost, made with `openssl` (one second,
 * no file left behind). `days: -1` makes one that has already expired.
 */
export function selfSignedCert(options: { days?: number; commonName?: string } = {}): TestCert {
  const dir = mkdtempSync(join(tmpdir(), 'zim-cert-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        String(options.days ?? 1),
        '-subj',
        `/CN=${options.commonName ?? 'localhost'}`,
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
