import { writeFileSync } from 'node:fs';
import { demoCounty } from '../src/lib/generate/demo';
import { buildPdf } from '../src/lib/generate/pdf';
import { ingestBytes } from '../src/lib/store/ingest';
const reps = demoCounty(20250101);
const pick = process.argv[2] === 'all' ? reps : reps.filter(r => r.file.includes('gov_2021') || r.file.includes('zjj_2019') || r.file.includes('tuoli_2023')|| r.file.includes('miaoergou_2023') || r.file.includes('jyj_2022'));
let bad = 0, tb = 0, tr = 0, size = 0;
for (const r of pick) {
  let t = performance.now();
  const bytes = await buildPdf(r.spec, { creator: '演示数据生成器' });
  tb += performance.now() - t; size += bytes.length;
  const name = r.file.replace(/\.\w+$/, '.pdf');
  writeFileSync(`/tmp/pdfs/${name}`, bytes);
  t = performance.now();
  const res: any = await ingestBytes(name, bytes);
  tr += performance.now() - t;
  if (!res.ok) { console.log(name, 'FAIL', res.reason); bad++; continue; }
  const rep = res.report;
  const diffs = Object.keys({ ...r.expected, ...rep.cells }).filter(k => r.expected[k] !== rep.cells[k]);
  const probs = rep.problems ?? [];
  if (diffs.length || probs.length || rep.meta.demo !== true) { bad++; console.log(name, 'diffs', diffs.slice(0, 8).map(k => `${k}: ${r.expected[k]} vs ${rep.cells[k]}`), JSON.stringify(probs).slice(0, 400), rep.meta.demo); }
}
console.log(`${pick.length} reports, ${bad} bad, build ${(tb/pick.length).toFixed(0)} ms, read ${(tr/pick.length).toFixed(0)} ms, ${(size/pick.length/1024).toFixed(0)} KB avg`);
