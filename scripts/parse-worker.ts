/**
 * Each document of an ingest batch is read and parsed in a worker thread with a time limit and a heap limit, so
 * that one hostile or enormous input costs at most its budget: the thread is stopped, the document is reported by
 * file and stage, and the batch goes on with a fresh thread. Documents within budget share a thread, so that the
 * parser modules are loaded once per thread, not once per file. A pool of such threads (ParsePool) parses several
 * documents at once, one per core.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { CompanionFacts } from '../src/ingest/companions.ts';
import type { StatedFigures } from '../src/ingest/tables/spaced/stated-figures.ts';
import type { BatchSummary } from '../src/ingest/summary.ts';
import type { ReportRow } from './corpus-report.ts';

// The parser is some 800 functions, each run a few times per document over text of another shape each time, so V8
// keeps optimizing and dropping them; with TurboFan's inlining each optimization costs several times more (up to
// 190 ms for one function), on background threads that take the core from the other parse worker. Without it ingest
// took a quarter less CPU on the 100-document synthetic corpus, at the same parse time (docs/benchmarks.md). A V8
// flag holds for the whole process, so it is set here, before the first parse thread starts.
setFlagsFromString('--no-turbo-inlining');
// Most of those functions run a few thousand times per document and are not worth TurboFan's time: optimized after
// 30,000 calls instead of V8's 3,000, a parse thread's compiler threads took a third of the CPU they did (1.0–1.1 s
// against 3.3–3.4 s over the 100-document synthetic corpus), and the parse itself hardly more, so ingest took about
// 15 % less CPU (docs/benchmarks.md). Loops that run long are still optimized while they run (on-stack replacement).
setFlagsFromString('--invocation-count-for-turbofan=30000');

// Every parse thread loads the parser anew: type stripping and compiling, 1.2 CPU-s a thread, 0.7 from Node's compile
// cache (docs/benchmarks.md). A thread reads the cache named in its environment, not the one the process enabled; this
// is the directory the astro command uses. Not under CI, whose fresh machine would only write a cache nothing reads.
const COMPILE_CACHE = process.env.CI ? null : (process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache'));

/** The steps of one document in the worker, in order; the CLI reports the one a document overran its budget in. */
export const WORKER_STAGES = ['read', 'metadata', 'tables', 'performance', 'narrative', 'checks', 'serialize'] as const;
export type WorkerStage = (typeof WORKER_STAGES)[number];

/** How office staff read each stage in an error message. */
export const STAGE_NAMES: Readonly<Record<WorkerStage, string>> = {
  read: '读取与解码文件',
  metadata: '识别标题、部门与年度',
  tables: '解析表格',
  performance: '解析绩效目标与评价',
  narrative: '解析正文',
  checks: '核对与校验',
  serialize: '生成 JSON',
};

export interface WorkerJob {
  bytes: ArrayBuffer;
  file: string;
  sha256: string;
  /** The output name when the file's own would collide with a file of the same name in another format. */
  slug?: string;
  /** A tables volume's 说明's figures, when the companion step parses it again (scripts/companion-step.ts). */
  stated?: StatedFigures;
}

export type WorkerResult =
  | {
      ok: true;
      json: Uint8Array;
      slug: string;
      summary: BatchSummary;
      unparsed: number;
      /** What the companion step and the corpus report need of the document, so that the CLI never re-reads it. */
      companion: CompanionFacts;
      /** The document's region, which with its slug and year is what the shard plan splits by (scripts/shard.ts --sources). */
      region: string[];
      reportRow: ReportRow;
      nonBlankLines: number;
      /** Warnings of a parser stage that failed, for the CLI to show. */
      failureWarnings: string[];
    }
  | { ok: false; kind: 'read' | 'parser'; reason: string; line: number | null };

export type ParseOutcome = WorkerResult | { ok: false; kind: 'time' | 'memory'; stage: WorkerStage };

export interface Budget {
  /**
   * CPU milliseconds one document may take, reading included. CPU time, not wall-clock time: on a busy machine an
   * 8 MB document used 20 s of CPU over 5 minutes of wall-clock time, and must not be stopped for the machine's load.
   * It is the CPU time of the document's own thread, sampled once a second, so that the documents parsed beside it
   * in the pool's other threads do not count against it.
   */
  timeMs: number;
  /** The worker's V8 old-generation heap limit in MiB. */
  memoryMb: number;
}

export class ParseWorker {
  private worker: Promise<Worker> | null = null;
  private readonly stage = new SharedArrayBuffer(4);
  private readonly budget: Budget;
  private readonly thread: URL;

  /** `thread`: the worker's body; the benchmark gives another revision's, to time both under one process's load. */
  constructor(budget: Budget, thread = new URL('./parse-worker-thread.ts', import.meta.url)) {
    this.budget = budget;
    this.thread = thread;
  }

  /** A thread that has loaded the parser: loading is not the document's work, so its budget starts after it. */
  private start(): Promise<Worker> {
    if (this.worker) return this.worker;
    const started = new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(this.thread, {
        workerData: { stage: this.stage },
        env: COMPILE_CACHE ? { ...process.env, NODE_COMPILE_CACHE: COMPILE_CACHE } : process.env,
        // A parse makes many short-lived objects (cells, pieces, candidate placements) that outlive V8's
        // default young generation by a little: each scavenge then copied them, and garbage collection was 13 % of a
        // parse thread's time. In 192 MiB most die before a scavenge: 547 → 178 scavenges and about 6 % less CPU
        // over the 200-document synthetic corpus, for 60–70 MiB more peak memory a thread (docs/benchmarks.md).
        resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, maxYoungGenerationSizeMb: 192 },
      });
      worker.once('message', () => {
        worker.off('error', reject);
        resolve(worker);
      });
      worker.once('error', reject);
    });
    // A thread that ends between documents (it crashed, or something outside ended it), or never loaded, is not
    // kept: the next document starts a new one instead of failing on a thread that is gone.
    const forget = () => {
      if (this.worker === started) this.worker = null;
    };
    started.then((worker) => worker.once('exit', forget), forget);
    this.worker = started;
    return started;
  }

  private currentStage(): WorkerStage {
    return WORKER_STAGES[Atomics.load(new Int32Array(this.stage), 0)] ?? 'read';
  }

  /** CPU milliseconds the thread has used, its loading included: started here, so that a measurement can leave that out. */
  async cpuMs(): Promise<number> {
    const used = await (await this.start()).cpuUsage();
    return (used.user + used.system) / 1000;
  }

  /** Parses one document; a document over budget ends its thread (the next document gets a new one). */
  async parse(job: WorkerJob): Promise<ParseOutcome> {
    const worker = await this.start();
    Atomics.store(new Int32Array(this.stage), 0, 0);
    const started = await worker.cpuUsage();
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: ParseOutcome, stop: boolean) => {
        if (settled) return;
        settled = true;
        clearInterval(timer);
        clearTimeout(backstop);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (stop) {
          this.worker = null;
          void worker.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (result: WorkerResult) => settle(result, false);
      const onError = (error: NodeJS.ErrnoException) =>
        settle(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { ok: false, kind: 'memory', stage: this.currentStage() }
            : { ok: false, kind: 'parser', reason: error.message, line: null },
          true,
        );
      const onExit = () => settle({ ok: false, kind: 'parser', reason: '解析线程意外退出', line: null }, true);
      const overrun = () => settle({ ok: false, kind: 'time', stage: this.currentStage() }, true);
      const timer = setInterval(() => {
        // A thread that is gone cannot be measured; its 'exit' or 'error' settles the document.
        void worker.cpuUsage().then((now) => {
          if ((now.user - started.user + now.system - started.system) / 1000 > this.budget.timeMs) overrun();
        }, () => undefined);
      }, 1000);
      // A thread that waits without using CPU would never overrun: ten times the budget in wall-clock time ends it.
      const backstop = setTimeout(overrun, 10 * this.budget.timeMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job, [job.bytes]);
    });
  }

  async close(): Promise<void> {
    await (await this.worker)?.terminate();
    this.worker = null;
  }
}

/**
 * Up to `size` parse workers, each with the per-document budget, so that a batch uses every core. Documents are
 * handed out in the order they are asked for; a thread is started only when a document needs it, so that a batch of
 * one file costs one thread.
 */
export class ParsePool {
  private readonly workers: ParseWorker[];
  private readonly idle: ParseWorker[];
  private readonly waiting: ((worker: ParseWorker) => void)[] = [];

  constructor(size: number, budget: Budget) {
    this.workers = Array.from({ length: size }, () => new ParseWorker(budget));
    this.idle = [...this.workers].reverse();
  }

  async parse(job: WorkerJob): Promise<ParseOutcome> {
    const worker = this.idle.pop() ?? (await new Promise<ParseWorker>((resolve) => this.waiting.push(resolve)));
    try {
      return await worker.parse(job);
    } finally {
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
