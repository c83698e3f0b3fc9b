/**
 * The browser figures alone (the app's load and compare times, workshop slider
 * releases), on the built app: `npm run build`, then
 *
 *   npx tsx bench/web.ts [app] [workshop] [--releases N] [--loads N]
 *
 * (both sections by default). `npm run bench` runs the same measurements.
 */
import { join } from 'node:path';
import { measureApp } from './app-load';
import { measureWorkshop } from './workshop-releases';
import { printApp, printWorkshop } from './web-print';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const sections: string[] = args.filter((a) => a === 'app' || a === 'workshop');
const want = (s: string) => sections.length === 0 || sections.includes(s);

if (want('app')) printApp(await measureApp(ROOT, option('--loads', 5), option('--compares', 3)));
if (want('workshop')) {
  const verbose = args.includes('--verbose');
  printWorkshop(await measureWorkshop(ROOT, option('--releases', 30), verbose ? (i, f, d, w, lever) => console.log(`  release ${i + 1} (${lever}): first change ${f.toFixed(0)} ms, complete ${d.toFixed(0)} ms (worker ${w.toFixed(0)} ms)`) : undefined));
}
