import { createHash, randomUUID } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { systemClock, type Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import { BLOB_KEY, type BlobStore } from './blob-store.js';

/** Where an S3-compatible bucket is and how to sign for it (config.ts validates these). */
export interface S3Options {
  /** Base URL, e.g. https://s3.eu-central-1.amazonaws.com, http://127.0.0.1:9000 (MinIO), https://<account>.r2.cloudflarestorage.com. */
  endpoint: string;
  bucket: string;
  region: string;
  /** `{endpoint}/{bucket}/{key}` instead of `{bucket}.{endpoint host}/{key}`: MinIO, Ceph and most self-hosted servers need it. */
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

/** The object URL for a key, in path or virtual-hosted style. */
export function objectUrl(o: Pick<S3Options, 'endpoint' | 'bucket' | 'forcePathStyle'>, key: string): string {
  const base = new URL(o.endpoint);
  const prefix = base.pathname.replace(/\/+$/, '');
  if (o.forcePathStyle) return `${base.origin}${prefix}/${encodeURIComponent(o.bucket)}/${key}`;
  return `${base.protocol}//${o.bucket}.${base.host}${prefix}/${key}`;
}

// S3 error codes that mean "the server's settings are wrong", as opposed to a passing failure.
const CREDENTIALS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'ExpiredToken',
  'AuthorizationHeaderMalformed',
]);
const CORRUPTED = new Set(['BadDigest', 'InvalidDigest', 'XAmzContentSHA256Mismatch']);

/**
 * Blobs as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Cloudflare R2), under the same
 * server-generated keys as FsBlobStore: `{workspace}/{yyyymm}/{uuid}`.
 *
 * Integrity: a put sends Content-MD5 (BadDigest) and signs the payload's SHA-256
 * (XAmzContentSHA256Mismatch), so AWS S3, MinIO and Ceph refuse bytes damaged on the way rather than
 * store them. The SHA-256 also travels as object metadata, and `get` checks the bytes it received
 * against it, which catches damage at rest and on servers that check neither header (emulators such
 * as s3rver and moto do not).
 * `put` resolves only after the server answered 200, i.e. the object is durable by S3's contract.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: AwsClient;

  constructor(
    private readonly options: S3Options,
    private readonly clock: Clock = systemClock,
  ) {
    // Few retries: aws4fetch backs off on 5xx/429 itself, and an SMTP client retries a 4xx answer later anyway.
    this.client = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      sessionToken: options.sessionToken,
      service: 's3',
      region: options.region,
      retries: 2,
    });
  }

  private url(key: string): string {
    if (!BLOB_KEY.test(key)) throw new Error(`not a blob key: ${key}`);
    return objectUrl(this.options, key);
  }

  // Signatures carry the wall-clock time on purpose: S3 refuses requests more than 15 minutes off its
  // own clock, so the injected (possibly simulated) clock must not be used for signing.
  private async send(method: string, key: string, init: { headers?: Record<string, string>; body?: Buffer } = {}): Promise<Response> {
    try {
      return await this.client.fetch(this.url(key), {
        method,
        headers: init.headers,
        body: init.body,
        signal: AbortSignal.timeout(60_000),
      });
    } catch (err) {
      if (err instanceof AppError) throw err;
      const why = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
      throw new AppError('unavailable', `attachment storage: cannot reach the S3 endpoint (${why})`);
    }
  }

  async put(workspaceId: string, bytes: Buffer): Promise<{ key: string; sha256: string; size: number }> {
    const month = this.clock().toISOString().slice(0, 7).replace('-', '');
    const key = `${workspaceId}/${month}/${randomUUID()}`;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const res = await this.send('PUT', key, {
      body: bytes,
      headers: {
        'content-type': 'application/octet-stream',
        'content-md5': createHash('md5').update(bytes).digest('base64'),
        'x-amz-content-sha256': sha256,
        'x-amz-meta-sha256': sha256,
      },
    });
    if (!res.ok) throw await this.failure(res, 'store');
    await res.body?.cancel();
    return { key, sha256, size: bytes.length };
  }

  async get(key: string): Promise<Buffer> {
    const res = await this.send('GET', key);
    if (!res.ok) throw await this.failure(res, 'read');
    const bytes = Buffer.from(await res.arrayBuffer());
    const expected = res.headers.get('x-amz-meta-sha256');
    if (expected && createHash('sha256').update(bytes).digest('hex') !== expected.toLowerCase()) {
      throw new AppError(
        'unavailable',
        'attachment storage: the object read back does not match its SHA-256 (damaged in storage or transit)',
      );
    }
    return bytes;
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    await res.body?.cancel();
    // Deleting what is already gone is done (S3 itself answers 204 either way; some servers say 404).
    if (!res.ok && res.status !== 404) throw await this.failure(res, 'delete');
  }

  /** One AppError per S3 answer, worded for the operator; never includes keys or secrets. */
  private async failure(res: Response, doing: 'store' | 'read' | 'delete'): Promise<AppError> {
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? '';
    if (code === 'NoSuchBucket')
      return new AppError('unavailable', `attachment storage: S3 bucket "${this.options.bucket}" does not exist (MERIDIAN_S3_BUCKET)`);
    if (res.status === 404 || code === 'NoSuchKey') return new AppError('not_found', 'stored file not found');
    if (CREDENTIALS.has(code))
      return new AppError(
        'unavailable',
        `attachment storage: S3 refused the credentials (${code}); check MERIDIAN_S3_ACCESS_KEY_ID and MERIDIAN_S3_SECRET_ACCESS_KEY`,
      );
    if (code === 'AccessDenied' || res.status === 403)
      return new AppError('unavailable', `attachment storage: S3 denied access to ${doing} objects (${code || res.status})`);
    if (CORRUPTED.has(code))
      return new AppError('unavailable', `attachment storage: S3 refused the upload as damaged in transit (${code})`);
    return new AppError('unavailable', `attachment storage: S3 could not ${doing} the object (${res.status}${code ? ` ${code}` : ''})`);
  }
}
