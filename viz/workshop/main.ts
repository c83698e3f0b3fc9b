/** Entry point of workshop mode (workshop.html). */
import '../style.css';
import './workshop.css';
import { startWorkshop } from './app';

startWorkshop(document.getElementById('workshop')!);
