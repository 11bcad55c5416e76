import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ParseWorker } from '../../scripts/parse-worker.ts';

const job = () => ({ bytes: new TextEncoder().encode('某县2025年部门预算\n一、部门职责\n负责全县的相关工作。\n').buffer, file: 'a.txt', sha256: '0'.repeat(64) });

describe('a parse worker', () => {
  it('starts a new thread for the next document when its thread ended between documents', async () => {
    const worker = new ParseWorker({ timeMs: 120_000, memoryMb: 512 });
    try {
      expect((await worker.parse(job())).ok).toBe(true);
      // What a crash or something outside the pool does to the idle thread.
      const thread = await (worker as unknown as { worker: Promise<Worker> }).worker;
      await thread.terminate();
      const next = await worker.parse(job());
      expect(next.ok).toBe(true);
    } finally {
      await worker.close();
    }
  });
});
