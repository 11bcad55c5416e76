/**
 * The body of the ingest CLI's parse worker (scripts/parse-worker.ts starts it): one document at a time, bytes in,
 * serialized JSON out. It writes the stage it is in to shared memory before each step, so that the CLI can name
 * that stage when it has to stop the thread for overrunning the document's time or memory budget.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseDisclosure, sourceInfo, type ParseStage } from '../src/ingest/parse-disclosure.ts';
import { readSource } from '../src/ingest/sources/index.ts';
import { serializeDisclosure } from '../src/ingest/serialize.ts';
import { compiledFields } from '../src/schema/compiled.ts';
import { addToSummary, emptySummary } from '../src/ingest/summary.ts';
import { companionFacts } from '../src/ingest/companions.ts';
import { isFailureWarning } from '../src/ingest/stages.ts';
import { printedLineCount } from '../src/ingest/source-lines.ts';
import { reportRow } from './corpus-report.ts';
import { WORKER_STAGES, type WorkerJob, type WorkerResult } from './parse-worker.ts';

const stage = new Int32Array(workerData.stage as SharedArrayBuffer);
const enter = (s: ParseStage | (typeof WORKER_STAGES)[number]) => Atomics.store(stage, 0, WORKER_STAGES.indexOf(s));

async function run(job: WorkerJob): Promise<WorkerResult> {
  enter('read');
  const read = await readSource(new Uint8Array(job.bytes), job.file);
  if (!read.ok) return { ok: false, kind: 'read', reason: read.reason, line: read.line };
  const { text } = read;
  try {
    const doc = parseDisclosure(text, { ...sourceInfo(read, job.file, job.sha256, job.slug), statedElsewhere: job.stated }, enter);
    // The review's findings join the document after the schema has validated the rest (parse-disclosure.ts); they
    // are validated here, so that every text written is one the schema accepts: ingest records it as accepted, and
    // the site does not validate it again (scripts/validation-record.ts).
    compiledFields.findings.parse(doc.findings);
    enter('serialize');
    // Compact: a pretty-printed table of thousands of rows is mostly indentation (issue 16: 240 MB for 7.9 MB).
    // UTF-8 bytes, handed over without a copy: the main thread never holds the document as a string.
    const json = new TextEncoder().encode(`${serializeDisclosure(doc)}\n`);
    const summary = emptySummary();
    addToSummary(summary, doc);
    const nonBlankLines = printedLineCount(text);
    return {
      ok: true,
      json,
      slug: doc.slug,
      summary,
      unparsed: doc.unparsed.length,
      companion: companionFacts(doc, text),
      region: doc.region,
      reportRow: reportRow(doc, job.file, nonBlankLines),
      nonBlankLines,
      failureWarnings: doc.warnings.filter(isFailureWarning),
    };
  } catch (error) {
    return { ok: false, kind: 'parser', reason: (error as Error).message, line: null };
  }
}

parentPort!.postMessage('ready');
parentPort!.on('message', (job: WorkerJob) => {
  run(job).then(
    (result) => parentPort!.postMessage(result, result.ok ? [result.json.buffer as ArrayBuffer] : []),
    (error: Error) => parentPort!.postMessage({ ok: false, kind: 'parser', reason: error.message, line: null } satisfies WorkerResult),
  );
});
