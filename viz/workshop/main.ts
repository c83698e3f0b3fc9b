/**
 * Entry point of workshop mode (workshop.html). The live workers start first, on the
 * bundled world (WORKSHOP_SCENARIO, scenarios/baseline.json), while the page's own code
 * loads: preparing the world is most of the wait before the first lever can be moved.
 */
import '../style.css';
import './workshop.css';
import world from '../../scenarios/baseline.json?raw';
import { WORKSHOP_SEED } from '../stored/defaults';
import { LiveRunner } from './runner';

const runner = new LiveRunner();
const started = runner.start(world, WORKSHOP_SEED);
void import('./app').then(({ startWorkshop }) => startWorkshop(document.getElementById('workshop')!, runner, started));
