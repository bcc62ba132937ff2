/** Downloads: each format answers a file (a Blob or a URL) or `null` (the browser makes it). */
import { DOWNLOAD_FORMATS } from '../../core/types.js';
import { short } from '../check.js';
import type { ConformanceCheck } from '../check.js';
import { seedTable } from '../data.js';

export const DOWNLOAD_CHECKS: ConformanceCheck[] = [
  {
    id: 'downloads.formats',
    rule: 'download answers, for every format, null (the browser makes the file), a Blob or a URL',
    needs: ['download'],
    async run(ctx) {
      const t = await seedTable(ctx);
      const download = ctx.backend.download!.bind(ctx.backend);
      for (const id of [t.id(3), t.id(1)]) {
        for (const format of DOWNLOAD_FORMATS) {
          const answer = await ctx.call(`download(${short(id)}, '${format}')`, () =>
            download(id, format),
          );
          if (answer === null) continue;
          const ok =
            (answer.kind === 'blob' && answer.blob instanceof Blob) ||
            (answer.kind === 'url' && typeof answer.url === 'string' && answer.url !== '');
          if (!ok) ctx.fail(`The ${format} answer is neither null, a Blob nor a URL.`, answer);
        }
      }
    },
  },
];
